/**
 * The commands debian/rules runs through `$(shell ...)` whose output flagdiff knows without running
 * anything: Debian's own tools, answered from debian/control, debian/changelog and the arch tables
 * (dh_listpackages, dpkg-architecture, dpkg-vendor, dpkg-parsechangelog), and QEMU's
 * debian/extract-config-opts, recognised by its text. dpkg-buildflags is known to be unknowable
 * here (its flags are the build machine's); every other command stays unknown, and is reported.
 */
import type { SpannedText } from '../../eval/rpm/spanned-text.js';
import { append, createBuilder, finish, spannedText } from '../../eval/rpm/spanned-text.js';
import type { Origin } from '../../model/origin.js';
import type { DebianControl } from './debian-control.js';
import { configOptionsFor } from './extract-config-opts.js';
import type { ExtractScript } from './extract-config-opts.js';
import { listPackages } from './list-packages.js';

export interface DebianFacts {
  /** debian/control as read, and the name it is shown by in origins. */
  readonly control: DebianControl;
  readonly controlFile: string;
  readonly debianArch: string;
  /** dpkg-architecture's variables for the arch (DEB_HOST_ARCH, ...). */
  readonly architecture: Readonly<Record<string, string>>;
  /** pkg-info.mk's variables, from debian/changelog. */
  readonly packageInfo: Readonly<Record<string, string>>;
  readonly vendor: 'debian' | 'ubuntu';
  readonly profiles: readonly string[];
  /** Which known debian/extract-config-opts the tree holds, if it holds one flagdiff recognises. */
  readonly extractScript?: ExtractScript;
}

const PARSECHANGELOG: Readonly<Record<string, string>> = { Source: 'DEB_SOURCE', Version: 'DEB_VERSION', Distribution: 'DEB_DISTRIBUTION', Timestamp: 'SOURCE_DATE_EPOCH' };

/**
 * The output of `command` as make would get it; `{ unknown }` for dpkg-buildflags, whose compiler
 * flags only the build machine's dpkg and environment decide; undefined when flagdiff does not know it.
 */
export function debianCommandOutput(written: string, facts: DebianFacts, site: Origin): SpannedText | { unknown: string } | undefined {
  // A recipe's backslash-newlines reach the shell, which joins the lines.
  const command = written.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  const words = command.split(' ');
  const [name, ...args] = words;
  if (name === 'dh_listpackages' && args.every((a) => a === '-a' || a === '--arch')) {
    const names = new Set(listPackages(facts.control, facts.debianArch, { profiles: facts.profiles }));
    const packages = facts.control.packages.filter((p) => names.has(p.name));
    return joined(packages.map((p) => ({ text: p.name, origin: { file: facts.controlFile, line: p.line } })));
  }
  if (name === 'dpkg-architecture') {
    const query = args.length === 1 && /^-q(\w+)$/.exec(args[0]!)?.[1];
    const value = query === undefined || query === false ? undefined : facts.architecture[query];
    return value === undefined ? undefined : spannedText(value, site);
  }
  if (name === 'dpkg-parsechangelog' && args.length === 1) {
    const variable = PARSECHANGELOG[args[0]!.replace(/^-S/, '')];
    return variable === undefined ? undefined : spannedText(facts.packageInfo[variable] ?? '', site);
  }
  const vendorTest = /^dpkg-vendor --derives-from (\S+)(?: && echo (\S+))?(?: \|\| echo (\S+))?$/.exec(command);
  if (vendorTest) {
    // dpkg-vendor prints nothing; with the echoes, the output is the branch taken. Ubuntu derives from Debian.
    const vendor = vendorTest[1]!.toLowerCase();
    const derives = vendor === facts.vendor || (vendor === 'debian' && facts.vendor === 'ubuntu');
    return spannedText((derives ? vendorTest[2] : vendorTest[3]) ?? '', site);
  }
  if (command === 'dpkg-vendor --query vendor' || command === 'dpkg-vendor --query Vendor') return spannedText(facts.vendor === 'ubuntu' ? 'Ubuntu' : 'Debian', site);
  const buildflag = /^dpkg-buildflags --get ([A-Z]+)$/.exec(command)?.[1];
  if (buildflag) return { unknown: `${buildflag} from dpkg-buildflags, the build machine's compiler flags` };
  const extract = /^(?:(?:ba)?sh )?(?:\.\/)?debian\/extract-config-opts (\S+) debian\/control$/.exec(command);
  if (extract && facts.extractScript) {
    const flags = configOptionsFor(facts.control, extract[1]!, facts.extractScript);
    return joined(flags.map((f) => ({ text: f.flag, origin: { file: facts.controlFile, line: f.line } })));
  }
  return undefined;
}

/** Words joined by spaces, each written where it came from. */
function joined(words: ReadonlyArray<{ text: string; origin: Origin }>): SpannedText {
  const builder = createBuilder();
  for (const { text, origin } of words) {
    if (builder.text !== '') append(builder, ' ', origin);
    append(builder, text, origin);
  }
  return finish(builder);
}
