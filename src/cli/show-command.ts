/** `flagdiff show`: what flagdiff read, normalised, with origins; for Kata, its kernel, QEMU options or devices. */
import { ARCHES } from '../model/arch.js';
import type { Arch } from '../model/arch.js';
import type { ConfigSet } from '../model/config-set.js';
import type { Setting } from '../model/setting.js';
import { InputError } from '../model/diagnostic.js';
import type { ReadHost } from '../readers/host.js';
import { loadFragments } from '../readers/kconfig/load-kconfig.js';
import { KERNEL_LAYOUTS, detectKernelLayout, loadKernelCandidate } from '../readers/kconfig/load-kernel-candidate.js';
import type { DetectedLayout, KernelLayout } from '../readers/kconfig/load-kernel-candidate.js';
import { formatSettingsJson, formatSettingsText } from '../report/format-settings.js';
import type { Shown } from '../report/format-settings.js';
import { chooseStyle } from './color.js';
import { EXIT, UsageError } from './io.js';
import type { CliIo } from './io.js';
import type { KataSource } from './kata-source.js';
import { isKataReference, loadKataSource, orUsageError } from './kata-source.js';
import { nodeHost } from './node-host.js';
import { loadRecipe, recipeKindOf } from './recipe-source.js';
import type { RecipeKind } from './recipe-source.js';
import { COMMON_OPTIONS, oneOf, parseArches, parseCommand, parseDefines } from './options.js';
import { writeOutput } from './write-output.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  reference: { type: 'string', short: 'r' },
  domain: { type: 'string', default: 'kernel' },
  arch: { type: 'string', multiple: true },
  flavor: { type: 'string', default: 'plain' },
  'qemu-version': { type: 'string' },
  'kernel-version': { type: 'string' },
  load: { type: 'string', multiple: true },
  define: { type: 'string', short: 'D', multiple: true },
  with: { type: 'string', multiple: true },
  without: { type: 'string', multiple: true },
  vendor: { type: 'string' },
  profile: { type: 'string', multiple: true },
  layout: { type: 'string' },
  variant: { type: 'string' },
} as const;

const DOMAINS = ['kernel', 'qemu', 'devices'] as const;
type ShowDomain = (typeof DOMAINS)[number];

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const format = oneOf('format', values.format, ['text', 'json']);
  const domain = oneOf('domain', values.domain, DOMAINS);
  const arches = parseArches(values.arch);
  const layout = values.layout === undefined ? undefined : oneOf('layout', values.layout, KERNEL_LAYOUTS);
  if (positionals.length === 0) throw new UsageError('no SOURCE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const shown: Shown[] = [];
  let recipe: RecipeKind | undefined;
  for (const source of positionals) {
    const reference = source === 'kata' ? (values.reference ?? 'kata') : source;
    if (source === 'kata' || (await isKataReference(source, host))) {
      const versions = {
        for: domain === 'kernel' ? ('kernel' as const) : ('qemu' as const),
        ...(values['qemu-version'] ? { qemuVersion: values['qemu-version'] } : {}),
        ...(values['kernel-version'] ? { kernelVersion: values['kernel-version'] } : {}),
      };
      if (!(await isKataReference(reference, host))) throw new UsageError(`${reference} is not a Kata reference: give kata, kata-1.x or a Kata checkout`);
      shown.push(...(await showKata(await loadKataSource(reference, host, versions), domain, arches, values.flavor, values['kernel-version'])));
    } else if ((recipe = await recipeKindOf(source, host, domain === 'qemu'))) {
      // A directory is a kernel tree unless --domain qemu: Debian's kernel packaging has a debian/rules too.
      const readings = await loadRecipe(source, recipe, host, {
        arches: arches.length ? arches : ARCHES,
        macroFiles: values.load ?? [],
        defines: parseDefines(values.define),
        with: values.with ?? [],
        without: values.without ?? [],
        ...(values.vendor !== undefined ? { vendor: values.vendor } : {}),
        profiles: values.profile ?? [],
      });
      shown.push(...readings.map((reading) => ({ kind: 'builds' as const, reading })));
    } else if (values.domain === 'qemu') {
      shown.push({ kind: 'config', config: await readQemuSource(source, host) });
    } else {
      const configs = await readKernelSource(source, host, { layout, variant: values.variant, arches });
      shown.push(...configs.map((config) => ({ kind: 'config' as const, config })));
    }
  }

  const text = format === 'json' ? formatSettingsJson(shown) : formatSettingsText(shown, values.output ? undefined : await chooseStyle(io, values.color));
  await writeOutput(text, io, values.output);
  return EXIT.ok;
}

/**
 * A kernel source as `flagdiff kernel` reads a candidate: a config file (gzip or xz), Ubuntu annotations,
 * a distro tree (redhat/configs, debian/config), one entry per --arch for a tree or annotations; a
 * directory that is no tree is a directory of fragments, merged in byte order.
 */
async function readKernelSource(source: string, host: ReadHost, options: { layout: KernelLayout | undefined; variant: string | undefined; arches: readonly Arch[] }): Promise<ConfigSet[]> {
  const { layout, variant, arches } = options;
  const found = layout ? { layout, root: source } : await detectedLayout(source, host);
  if (!found) return [await loadFragments([source], host)];
  const asked = found.layout === 'config' || arches.length === 0 ? [undefined] : arches;
  return Promise.all(asked.map((arch) => loadKernelCandidate(found.root, host, { layout: found.layout, ...(variant ? { variant } : {}), ...(arch ? { arch } : {}) })));
}

/** Where the source's layout is, or nothing for a directory that holds no distro tree. */
async function detectedLayout(source: string, host: ReadHost): Promise<DetectedLayout | undefined> {
  if ((await host.kind(source)) !== 'directory') return detectKernelLayout(source, host);
  try {
    return await detectKernelLayout(source, host);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/**
 * A QEMU candidate as `flagdiff qemu` reads it: a flags file's configure words or meson options,
 * normalised (each option once, the last word winning, with its line); a `qemu-system-*` binary's
 * devices, machine types and objects, each at the line of its help output that names it. Only with
 * --domain qemu: a binary is run (with `-device help` and the like), which `show` must not do to a
 * file it was merely given.
 */
async function readQemuSource(source: string, host: ReadHost): Promise<ConfigSet> {
  const { loadQemuCandidate } = await import('./qemu-candidate.js');
  const candidate = await loadQemuCandidate(source, host, { arches: [], defines: [], with: [], without: [], profiles: [], deviceOptions: false });
  if (candidate.kind === 'flags') {
    const { normalizeBuild } = await import('../readers/qemu/normalize-build.js');
    return normalizeBuild(candidate.build, source);
  }
  if (candidate.kind !== 'binary') throw new UsageError(`${source} is not a QEMU flags file or binary`);
  const { help } = candidate;
  const settings = new Map<string, Setting>();
  for (const [kind, names] of [['device', help.devices], ['machine', help.machines], ['object', help.objects]] as const) {
    for (const [name, origin] of names) settings.set(`${kind} ${name}`, { key: `${kind} ${name}`, value: 'present', origin });
  }
  const meta = { source, ...(candidate.arch ? { arch: candidate.arch } : {}), ...(help.version ? { version: help.version } : {}) };
  return { domain: 'qemu', settings, meta, diagnostics: [] };
}

/** One entry per arch: every arch Kata builds for in that domain and flavour, unless --arch names some. */
async function showKata(kata: KataSource, domain: ShowDomain, arches: readonly Arch[], flavor: string, kernelVersion: string | undefined): Promise<Shown[]> {
  if (domain === 'kernel') {
    if (!kata.kernel) throw new UsageError(`the ${kata.name} reference has no guest-kernel profile (it is for QEMU); try --domain qemu`);
    const { kataKernelRequirements } = await import('../readers/kata/kernel-requirements.js');
    const chosen = arches.length ? arches : ARCHES.filter((a) => canBuild(() => kataKernelRequirements(kata.kernel!, a, flavor)));
    if (chosen.length === 0) orUsageError(() => kataKernelRequirements(kata.kernel!, 'x86_64', flavor));
    // Kata's lints are about its tree, not an arch: they head the first entry only.
    return chosen.map((arch, i) => ({
      kind: 'profile',
      profile: orUsageError(() => kataKernelRequirements(kata.kernel!, arch, flavor, kernelVersion)),
      diagnostics: i === 0 ? [...kata.diagnostics, ...kata.kernel!.lints] : [],
    }));
  }
  const qemu = kata.qemu;
  if (!qemu) throw new UsageError(`the QEMU version ${kata.name} builds is not known: pass --qemu-version`);
  const { kataQemuDevicesOf, kataQemuFlavorsOf, kataQemuOptionsOf } = await import('../readers/kata/qemu-requirements.js');
  const has = (arch: string) => (domain === 'qemu' ? qemu.options : qemu.devices)[arch]?.[flavor] !== undefined;
  const chosen: string[] = arches.length ? [...arches] : ARCHES.filter(has);
  const read = domain === 'qemu' ? kataQemuOptionsOf : kataQemuDevicesOf;
  // No arch has it: the reader says why (a QEMU pinned elsewhere, or a flavour Kata does not build).
  if (chosen.length === 0) orUsageError(() => read(qemu, ARCHES.find((a) => kataQemuFlavorsOf(qemu, a).length) ?? 'x86_64', flavor));
  const file = domain === 'qemu' ? qemu.configureScript : qemu.deviceSource;
  const lints = [...kata.diagnostics, ...qemu.lints.filter((d) => d.file === file)];
  return chosen.map((arch, i): Shown => {
    const diagnostics = i === 0 ? lints : [];
    if (domain === 'devices') {
      const profile = orUsageError(() => kataQemuDevicesOf(qemu, arch, flavor));
      const set = qemu.devices[arch]![flavor]!;
      const meta: Record<string, string> = { ...profile.meta };
      if (set.qomDevices.length) meta.qomDevices = set.qomDevices.map(([name]) => name).join(' ');
      if (set.qomObjects.length) meta.qomObjects = set.qomObjects.map(([name]) => name).join(' ');
      return { kind: 'profile', profile: { ...profile, meta }, diagnostics };
    }
    const options = orUsageError(() => kataQemuOptionsOf(qemu, arch, flavor));
    return { kind: 'kata-options', name: flavor === 'plain' ? kata.name : `${kata.name} (${flavor})`, source: `${qemu.repository}@${qemu.commit.slice(0, 12)}`, arch, flavor, qemuVersion: qemu.qemuVersion, tags: qemu.tags, options, diagnostics };
  });
}

function canBuild(build: () => unknown): boolean {
  try {
    build();
    return true;
  } catch {
    return false;
  }
}
