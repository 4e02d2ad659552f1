/**
 * Kata's configure-hypervisor.sh, evaluated statically for one arch, QEMU version and hypervisor name:
 * the whole script runs as `configure-hypervisor.sh -ds NAME ARCH` (the form of the corpus dumps;
 * build-qemu.sh passes `-s NAME ARCH`, the same third argument), and its dump, `tags<TAB><TAB>option`
 * per line, is the result. Each line keeps the line of the script that appended the entry, since the
 * evaluator carries origins through `echo`, `cut` and `printf`. What the script reads from the build
 * machine is answered from the inputs: `awk ... VERSION` and `cut ... VERSION` (the QEMU version),
 * `gcc -dumpversion`/`-dumpfullversion`, `uname -m`; `sort -V`, `cut`, `tr`, `bc`, `grep` are emulated.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import { evaluateShell } from '../../eval/shell/evaluate-shell.js';
import type { ShellScript } from '../../eval/shell/shell-ast.js';
import type { CommandCall, CommandHook } from '../../eval/shell/shell-state.js';
import { TEXT_COMMANDS } from '../../eval/shell/text-commands.js';
import { splitLines, textOf } from '../../eval/shell/shell-value.js';

export interface ConfigureInputs {
  /** The uname arch, passed as the script's third argument. */
  readonly arch: string;
  /** The content of QEMU's VERSION file (`11.0.1`, `5.2.0-rc4`). */
  readonly qemuVersion: string;
  /** `-s`, as build-qemu.sh passes it. Default: true. */
  readonly static?: boolean;
  /** The hypervisor name (`kata-qemu`, `kata-qemu-no-shared-fs`); Default: `kata-qemu`. */
  readonly hypervisor?: string;
  /** PREFIX in the environment; unset when undefined (the script then uses /usr). */
  readonly prefix?: string;
  /** gcc's full version (`12.2.0`). Default: 12.2.0, Debian 12's. */
  readonly gccVersion?: string;
  /** What `uname -m` says on the build machine. Default: `arch` (Kata builds QEMU natively). */
  readonly buildArch?: string;
}

/** One entry of `qemu_options`: its tags, the option as the script prints it, and the line that appended it. */
export interface KataQemuOption {
  readonly tags: readonly string[];
  readonly option: string;
  readonly line: number;
}

export interface ConfigureResult {
  readonly options: readonly KataQemuOption[];
  /** `recognised_tags`: each tag and what it means. */
  readonly tags: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the script would stop with an error before printing the options (FD111 in `diagnostics`). */
  readonly failed?: string;
}

export function readConfigureHypervisor(script: ShellScript, inputs: ConfigureInputs): ConfigureResult {
  const { arch, qemuVersion, hypervisor = 'kata-qemu', gccVersion = '12.2.0' } = inputs;
  const files: Readonly<Record<string, string>> = { VERSION: `${qemuVersion}\n` };
  const hooks: Record<string, CommandHook> = {
    ...TEXT_COMMANDS,
    cut: withFiles(files, TEXT_COMMANDS.cut!),
    awk: (call) => (isVersionAwk(call) ? { status: 0, stdout: `${qemuVersion.split('-')[0]}\n` } : undefined),
    uname: (call) => (argv(call).join(' ') === 'uname -m' ? { status: 0, stdout: `${inputs.buildArch ?? arch}\n` } : undefined),
    gcc: (call) => gcc(call, gccVersion),
  };
  const run = evaluateShell(script, {
    args: [inputs.static === false ? '-d' : '-ds', hypervisor, arch],
    env: inputs.prefix === undefined ? {} : { PREFIX: inputs.prefix },
    hooks,
    cwd: '/qemu',
    pathKind: (path) => (path === '/qemu/VERSION' ? 'file' : undefined),
  });
  const diagnostics = [...run.diagnostics];
  const lines = splitLines(run.stdout);
  // The dump's header: "#    tag<TAB>meaning." per recognised tag.
  const tags: Record<string, string> = {};
  for (const line of lines) {
    const tag = /^#\s+(\S+)\t(.*)\.$/.exec(line.text);
    if (tag) tags[tag[1]!] = tag[2]!;
  }
  const entries = lines.filter((l) => l.text.includes('\t\t') && !l.text.startsWith('#'));
  if (run.status !== 0 || entries.length === 0) {
    const failed = textOf(run.stderr).trim() || `it ended (status ${run.status}) without printing options`;
    diagnostics.push(diagnostic('FD111', `configure-hypervisor.sh stops for ${arch}, QEMU ${qemuVersion}: ${failed}`, { file: script.file, line: 0 }));
    return { options: [], tags, diagnostics, failed };
  }
  if (run.stdout.unknown !== undefined) diagnostics.push(diagnostic('FD113', `the options are unknown statically: ${run.stdout.unknown}`, { file: script.file, line: 0 }));
  const options = entries.map((l): KataQemuOption => {
    const tab = l.text.indexOf('\t\t');
    return { tags: l.text.slice(0, tab).split(',').filter(Boolean), option: l.text.slice(tab + 2), line: l.origin.line };
  });
  diagnostics.push(...lintOptions(options, tags, script.file));
  return { options, tags, diagnostics };
}

/** What check_tags would stop on (FD410), options appended twice (FD411), and entries not known (FD113). */
function lintOptions(options: readonly KataQemuOption[], tags: Readonly<Record<string, string>>, file: string): Diagnostic[] {
  const lints: Diagnostic[] = [];
  const first = new Map<string, number>();
  for (const option of options) {
    const at = { file, line: option.line };
    // Tags are checked against the legend the dump prints; a script that prints none is not checked.
    const known = Object.keys(tags).length === 0 || option.tags.every((t) => t in tags);
    const bad = option.tags.length === 0 || option.option === '' ? 'no tag or no option' : known ? '' : option.tags.filter((t) => !(t in tags)).map((t) => `"${t}"`).join(', ');
    if (bad) lints.push(diagnostic('FD410', `${option.tags.join(',')}:${option.option} has ${option.tags.length && option.option ? `the unrecognised tag ${bad}` : bad}: check_tags stops the script`, at));
    const earlier = first.get(option.option);
    if (earlier !== undefined) lints.push(diagnostic('FD411', `${option.option} is given again (first at line ${earlier})`, at));
    else first.set(option.option, option.line);
  }
  return lints;
}

function argv(call: CommandCall): string[] {
  return call.argv.map(textOf);
}

/** `awk 'BEGIN {FS = "-"} {print $1}' VERSION`: the version without a pre-release suffix. */
function isVersionAwk(call: CommandCall): boolean {
  const [, program, file] = argv(call);
  return call.argv.length === 3 && file === 'VERSION' && program?.replace(/\s+/g, '') === 'BEGIN{FS="-"}{print$1}';
}

/** `gcc -dumpversion` prints the major version only since GCC 7; `-dumpfullversion` all of it. */
function gcc(call: CommandCall, version: string): { status: number; stdout: string } | undefined {
  const [, flag] = argv(call);
  const major = Number(version.split('.')[0]);
  if (call.argv.length !== 2) return undefined;
  if (flag === '-dumpfullversion') return { status: 0, stdout: `${version}\n` };
  if (flag === '-dumpversion') return { status: 0, stdout: `${major >= 7 ? major : version}\n` };
  return undefined;
}

/** A filter whose last operand is a file the reader knows: the file becomes its standard input. */
function withFiles(files: Readonly<Record<string, string>>, hook: CommandHook): CommandHook {
  return (call) => {
    const last = call.argv[call.argv.length - 1];
    const content = last && last.unknown === undefined ? files[textOf(last)] : undefined;
    if (content === undefined) return hook(call);
    return hook({ ...call, argv: call.argv.slice(0, -1), stdin: { pieces: [{ text: content, origin: call.origin }], origin: call.origin } });
  };
}
