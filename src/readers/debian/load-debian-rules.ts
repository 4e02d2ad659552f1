/**
 * Reads Debian's packaging of QEMU (debian/rules with debian/control) for each arch asked: the rules
 * evaluated as GNU make would read them under dpkg-buildpackage (src/eval/make; nothing runs), then
 * the recipes `debian/rules build-arch` would run (through dh, for rules that hand it their targets:
 * dh-sequence.ts), in make's order, through the shell evaluator: each
 * configure it reaches is a Build (`b/qemu`, `b/microvm`, ...), each word with its origin in the rules,
 * debian/control.mk or the debian/control comment line it came from.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { evaluateMakefile } from '../../eval/make/evaluate-makefile.js';
import type { Included, Makefile, MakeRule } from '../../eval/make/evaluate-makefile.js';
import { append, appendRange, createBuilder, finish } from '../../eval/rpm/spanned-text.js';
import type { SpannedText } from '../../eval/rpm/spanned-text.js';
import { compilePattern, matchPattern } from '../../eval/shell/glob-pattern.js';
import type { Build, RecipeBuilds } from '../../model/build.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { confinedHost } from '../confined-host.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { checkDeviceFiles } from '../rpm/device-overlays.js';
import { extractBuilds } from '../rpm/extract-builds.js';
import { debianArchOf, dpkgArchitectureVariables } from './debian-arch.js';
import { debianCommandOutput } from './debian-commands.js';
import { compatLevel, dhAutoConfigureFunction, dhSequence } from './dh-sequence.js';
import type { DebianFacts } from './debian-commands.js';
import { parseDebianControl } from './debian-control.js';
import { extractScriptOf } from './extract-config-opts.js';
import { controlForVendor } from './vendor-control.js';
import { dpkgMakefile } from './dpkg-makefiles.js';
import { packageInfoVariables } from './pkg-info.js';
import { quiltPatchOptions } from './quilt-patches.js';

export interface DebianRulesOptions {
  /** uname names (`x86_64`) or Debian's (`amd64`); x86_64 when none is given. */
  readonly arches?: readonly string[];
  /** What `dpkg-vendor --derives-from Ubuntu` answers: Ubuntu builds the same rules with VENDOR=ubuntu. */
  readonly vendor?: 'debian' | 'ubuntu';
  /** DEB_BUILD_PROFILES (`nocheck`, `pkg.qemu.omit-system`). */
  readonly profiles?: readonly string[];
}

/** How deep prerequisites of prerequisites are followed. */
const MAX_CHAIN = 64;
/** Rounds of fetching what the rules include or list; each round can only ask for more. */
const MAX_PASSES = 16;

/** `path`: debian/rules, the debian directory, or the source tree holding it. */
export async function loadDebianRules(path: string, host: ReadHost, options: DebianRulesOptions = {}): Promise<RecipeBuilds[]> {
  const { tree, rules } = await locate(path, host);
  const inTree = confinedHost(host, tree);
  const read = async (file: string) => decodeInput(await inTree.readFile(file, DEFAULT_LIMITS.maxBytes), file);
  const rulesText = await read(rules);
  const controlFile = join(tree, 'debian/control');
  if ((await host.kind(controlFile)) !== 'file') throw new InputError(diagnostic('FD104', 'no debian/control next to debian/rules; it says which packages, and so which builds, an arch makes', { file: rules, line: 0 }));
  const controlText = await read(controlFile);
  const control = parseDebianControl(controlText, controlFile);
  const changelog = (await host.kind(join(tree, 'debian/changelog'))) === 'file' ? await read(join(tree, 'debian/changelog')) : '';
  const packageInfo = packageInfoVariables(changelog);
  const debianFiles = await inTree.list(join(tree, 'debian'));
  // dh refuses to run without a compat level; the newest it knows stands in for a missing one.
  const compat = compatLevel(controlText, debianFiles.includes('compat') ? await read(join(tree, 'debian/compat')) : undefined) ?? 13;
  const script = join(tree, 'debian/extract-config-opts');
  const extractScript = (await host.kind(script)) === 'file' ? extractScriptOf(await read(script)) : undefined;

  // The make evaluator asks for included files and directory listings ($(wildcard), include patterns)
  // as it reads; they are fetched between passes.
  const files = new Map<string, Included>();
  const listings = new Map<string, readonly string[] | undefined>([['debian', debianFiles]]);
  const evaluate = async (facts: DebianFacts): Promise<Evaluated> => {
    const debhelper = { architecture: facts.architecture, compat, source: packageInfo.DEB_SOURCE ?? '' };
    for (let pass = 0; ; pass++) {
      const wanted: string[] = [];
      const wantedDirectories: string[] = [];
      const makefile = evaluateMakefile(rulesText, {
        file: rules,
        environment: { ...facts.architecture, DEB_BUILD_OPTIONS: '', DEB_BUILD_PROFILES: facts.profiles.join(' '), CURDIR: '/source', MAKE: 'make' },
        include: (name) => included(name, facts, files, wanted, tree),
        shell: (command, at) => debianCommandOutput(command, facts, at),
        wildcard: (pattern) => filesIn(pattern, listings, wantedDirectories),
      });
      // Recipes are expanded now too: a $(wildcard) in one may want a directory listed.
      const plan = buildPlan(makefile, debhelper);
      if ((wanted.length === 0 && wantedDirectories.length === 0) || pass === MAX_PASSES) return { makefile, plan };
      for (const name of wanted) files.set(name, await readIncluded(name, tree, inTree));
      for (const directory of wantedDirectories) listings.set(directory, await listInTree(directory, tree, inTree));
    }
  };
  const vendor = options.vendor ?? 'debian';
  const controlIn = join(tree, 'debian/control-in');
  const template = vendor !== 'debian' && debianFiles.includes('control-in') ? await read(controlIn) : undefined;

  const patched = await quiltPatchOptions(tree, inTree);
  const readings: RecipeBuilds[] = [];
  for (const arch of options.arches?.length ? options.arches : ['x86_64']) {
    const debianArch = debianArchOf(arch);
    const architecture = debianArch && dpkgArchitectureVariables(debianArch);
    if (!debianArch || !architecture) throw new InputError(diagnostic('FD104', `${arch} is not an arch Debian builds for`, { file: rules, line: 0 }));
    const facts: DebianFacts = {
      control, controlFile, debianArch, architecture, packageInfo, vendor,
      profiles: options.profiles ?? [], ...(extractScript ? { extractScript } : {}),
    };
    let evaluated = await evaluate(facts);
    if (template !== undefined) {
      // The control file shipped is Debian's; another vendor's is made from control-in, with the rules' own values.
      const { makefile } = evaluated;
      const substvars = new Set(makefile.expandVariable('substvars').text.split(/\s+/));
      const made = controlForVendor(template, vendor, (name) => (substvars.has(name) ? makefile.expandVariable(name).text : undefined));
      evaluated = await evaluate({ ...facts, control: parseDebianControl(made, controlIn), controlFile: controlIn });
    }
    const reading = await buildsOf(evaluated, rules, arch, tree, host);
    // The QEMU a package builds is its changelog's upstream version, whether or not the rules read it (pkg-info.mk).
    const version = /^(\d+(?:\.\d+)*)/.exec(packageInfo.DEB_VERSION_UPSTREAM ?? '')?.[1];
    readings.push({
      ...reading,
      ...(version ? { version } : {}),
      ...(patched.options.length ? { patchedOptions: patched.options } : {}),
      ...(patched.diagnostics.length ? { diagnostics: [...reading.diagnostics, ...patched.diagnostics] } : {}),
    });
  }
  return readings;
}

async function locate(path: string, host: ReadHost): Promise<{ tree: string; rules: string }> {
  const kind = await host.kind(path);
  if (kind === 'missing') throw new InputError(diagnostic('FD104', 'no such file', { file: path, line: 0 }));
  if (kind === 'file') return { tree: dirname(dirname(path)), rules: path };
  for (const rules of [join(path, 'debian/rules'), join(path, 'rules')]) {
    if ((await host.kind(rules)) === 'file') return { tree: dirname(dirname(rules)), rules };
  }
  throw new InputError(diagnostic('FD104', 'is a directory without debian/rules', { file: path, line: 0 }));
}

/** dpkg's own makefiles are known by what they define; the tree's are read from it (between passes). */
function included(name: string, facts: DebianFacts, files: Map<string, Included>, wanted: string[], tree: string): Included {
  const dpkg = dpkgMakefile(name, facts);
  if (dpkg) return { file: name, variables: dpkg };
  if (name.startsWith('/usr/share/dpkg/')) return { unread: 'a dpkg makefile flagdiff does not know' };
  if (isAbsolute(name)) return { unread: 'outside the source tree; not read' };
  const path = join(tree, name);
  const known = files.get(path);
  if (known) return known;
  wanted.push(path);
  return { unread: 'not read yet' };
}

/**
 * The files a `$(wildcard)` or `include` pattern names, for a directory of the source tree (relative, as
 * make sees it from there) once it has been listed; a directory not listed yet is asked for.
 */
function filesIn(pattern: string, listings: ReadonlyMap<string, readonly string[] | undefined>, wanted: string[]): string[] | undefined {
  const slash = pattern.lastIndexOf('/');
  const directory = slash === -1 ? '.' : pattern.slice(0, slash);
  if (isAbsolute(directory) || /[*?[]/.test(directory) || directory.split('/').includes('..')) return undefined;
  if (!listings.has(directory)) {
    wanted.push(directory);
    return undefined;
  }
  const names = listings.get(directory);
  if (!names) return [];
  const base = pattern.slice(slash + 1);
  const tokens = compilePattern([{ text: base, quoted: false }]);
  const prefix = slash === -1 ? '' : `${directory}/`;
  return names.filter((name) => (!name.startsWith('.') || base.startsWith('.')) && matchPattern(tokens, name)).sort().map((name) => `${prefix}${name}`);
}

/** A directory of the source tree, listed through the confined host; a missing one lists nothing. */
async function listInTree(directory: string, tree: string, host: ReadHost): Promise<readonly string[] | undefined> {
  const path = join(tree, directory);
  try {
    return (await host.kind(path)) === 'directory' ? await host.list(path) : undefined;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

async function readIncluded(path: string, tree: string, host: ReadHost): Promise<Included> {
  try {
    if ((await host.kind(path)) !== 'file') return { unread: `no such file in the source tree ${tree}` };
    return { file: path, text: decodeInput(await host.readFile(path, DEFAULT_LIMITS.maxBytes), path) };
  } catch (error) {
    if (error instanceof InputError) return { unread: error.diagnostic.message };
    throw error;
  }
}

/** The debian/rules read for one arch, and the script `debian/rules build-arch` runs (none: no such target). */
interface Evaluated {
  readonly makefile: Makefile;
  readonly plan?: { readonly goal: MakeRule; readonly script: SpannedText };
}

/**
 * The script `debian/rules build-arch` (or `build`) runs: every recipe it reaches, each line in its own
 * shell as make runs it; for rules that hand their targets to dh, dh's configure step.
 */
function buildPlan(makefile: Makefile, debhelper: Debhelper): Evaluated['plan'] {
  // dpkg-buildpackage runs build-arch: a rule of that name, else dh through `%:`, else (older rules) build.
  const buildArch = makefile.ruleOf('build-arch');
  const dh = buildArch ? undefined : dhSequence(makefile);
  const explicit = buildArch ?? (dh ? undefined : makefile.ruleOf('build'));
  const goal = explicit ?? dh?.rule;
  if (!goal) return undefined;
  const script = createBuilder();
  const run = (rule: MakeRule) => {
    for (const prerequisite of runOrder(rule, makefile)) {
      for (const line of makefile.expandRecipe(prerequisite)) {
        // make runs each recipe line in a shell of its own: a cd does not outlast its line.
        append(script, '(\n', prerequisite.origin);
        appendRange(script, line);
        append(script, '\n)\n', prerequisite.origin);
      }
    }
  };
  if (!dh) run(goal);
  else {
    // dh's defaults are said to be written where the rules run dh.
    append(script, `${dhAutoConfigureFunction(dh.options, debhelper.architecture, debhelper.compat, debhelper.source)}\n`, dh.rule.origin);
    for (const step of dh.steps) {
      if (step === 'dh_auto_configure') append(script, '(\ndh_auto_configure\n)\n', dh.rule.origin);
      else run(step);
    }
  }
  return { goal, script: finish(script) };
}

/** The configure invocations of the plan's script, with the device files they copy in. */
async function buildsOf({ makefile, plan }: Evaluated, rules: string, arch: string, tree: string, host: ReadHost): Promise<RecipeBuilds> {
  if (!plan) {
    const diagnostics = [...makefile.diagnostics, diagnostic('FD192', 'debian/rules has no build-arch or build target, and does not hand them to dh', { file: rules, line: 0 })];
    return { source: rules, arch, builds: [], installed: 'first', diagnostics };
  }
  const extracted = extractBuilds(plan.script, { file: rules, sourceDir: 'debian', arch, origin: plan.goal.origin, unknowns: makefile.unknowns });
  // The recipe copies files from debian/ in the source tree: named here as the user named the tree.
  const named: Build[] = extracted.builds.map((build) => (build.devices ? { ...build, devices: build.devices.map((d) => ({ ...d, file: join(tree, d.file) })) } : build));
  const { builds, refused } = await checkDeviceFiles(named, join(tree, 'debian'), host);
  // Recipes that use one variable report what is in it once.
  const diagnostics: Diagnostic[] = unique([...makefile.diagnostics, ...extracted.diagnostics, ...refused]);
  if (builds.length === 0) diagnostics.push(diagnostic('FD192', `no recipe that debian/rules build-arch runs on ${arch} calls configure`, plan.goal.origin));
  return { source: rules, arch, builds, installed: 'first', diagnostics };
}

/** What dh_auto_configure's defaults depend on. */
interface Debhelper {
  readonly architecture: Readonly<Record<string, string>>;
  readonly compat: number;
  readonly source: string;
}

function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code} ${d.file}:${d.line} ${d.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

/** Rules in the order make runs them for `goal`: prerequisites first, depth first, each once. */
function runOrder(goal: MakeRule, makefile: Makefile): MakeRule[] {
  const order: MakeRule[] = [];
  const seen = new Set<string>();
  const visit = (rule: MakeRule, depth: number) => {
    // Pattern rules can make names without end (a%: a%x); make stops at such chains too.
    if (seen.has(rule.target) || depth > MAX_CHAIN) return;
    seen.add(rule.target);
    for (const prerequisite of [...rule.prerequisites, ...rule.orderOnly]) {
      const next = makefile.ruleOf(prerequisite);
      if (next) visit(next, depth + 1);
    }
    order.push(rule);
  };
  visit(goal, 0);
  return order;
}
