/**
 * Kata's configure-hypervisor.sh, evaluated statically for one arch, QEMU version and hypervisor name:
 * the ordered `tag:option` entries of its `qemu_options` array, each with the line that appended it.
 * The script runs as build-qemu.sh runs it (`-s NAME ARCH`, PREFIX in the environment), from `main`
 * to `show_array`, whose arguments are the result. What the script reads from the build machine is
 * answered from the inputs: `awk ... VERSION` and `cut ... VERSION` (the QEMU version), `gcc -dumpversion`
 * and `-dumpfullversion`, `uname -m`; `sort -V`, `cut`, `tr`, `bc` and `grep` on known text are emulated.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import { evaluateShell } from '../../eval/shell/evaluate-shell.js';
import type { ShellScript } from '../../eval/shell/shell-ast.js';
import type { CommandCall, CommandHook } from '../../eval/shell/shell-state.js';
import { TEXT_COMMANDS } from '../../eval/shell/text-commands.js';
import type { ShellString, ShellVariable } from '../../eval/shell/shell-value.js';
import { textOf } from '../../eval/shell/shell-value.js';

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
  /** Set when the entry could not be evaluated statically. */
  readonly unknown?: string;
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
  let shown: readonly ShellString[] | undefined;
  const hooks: Record<string, CommandHook> = {
    ...TEXT_COMMANDS,
    cut: withFiles(files, TEXT_COMMANDS.cut!),
    awk: (call) => (isVersionAwk(call) ? { status: 0, stdout: `${qemuVersion.split('-')[0]}\n` } : undefined),
    uname: (call) => (argv(call).join(' ') === 'uname -m' ? { status: 0, stdout: `${inputs.buildArch ?? arch}\n` } : undefined),
    gcc: (call) => gcc(call, gccVersion),
    show_array: (call) => {
      shown = call.argv.slice(2);
      return { status: 0 };
    },
  };
  const run = evaluateShell(script, {
    args: [inputs.static === false ? '-d' : '-ds', hypervisor, arch],
    env: inputs.prefix === undefined ? {} : { PREFIX: inputs.prefix },
    hooks,
    cwd: '/qemu',
    pathKind: (path) => (path === '/qemu/VERSION' ? 'file' : undefined),
  });
  const diagnostics = [...run.diagnostics];
  const tags = recognisedTags(run.variables.get('recognised_tags'));
  if (!shown) {
    const failed = textOf(run.stderr).trim() || `${script.file} ended (status ${run.status}) before printing its options`;
    diagnostics.push(diagnostic('FD111', `configure-hypervisor.sh stops for ${arch}, QEMU ${qemuVersion}: ${failed}`, { file: script.file, line: 0 }));
    return { options: [], tags, diagnostics, failed };
  }
  const options = shown.map(toOption);
  diagnostics.push(...lintOptions(options, tags, script.file));
  return { options, tags, diagnostics };
}

/** `cut -s -d: -f1` and `-f2-`, as show_array splits an entry: tags before the first colon, the option after. */
function toOption(entry: ShellString): KataQemuOption {
  const text = textOf(entry);
  const colon = text.indexOf(':');
  const line = entry.pieces[0]?.origin.line ?? entry.origin.line;
  const tags = colon === -1 ? [] : text.slice(0, colon).split(',').filter(Boolean);
  return { tags, option: colon === -1 ? '' : text.slice(colon + 1), line, ...(entry.unknown !== undefined ? { unknown: entry.unknown } : {}) };
}

/** What check_tags would stop on (FD410), options appended twice (FD411), and entries not known (FD113). */
function lintOptions(options: readonly KataQemuOption[], tags: Readonly<Record<string, string>>, file: string): Diagnostic[] {
  const lints: Diagnostic[] = [];
  const first = new Map<string, number>();
  for (const option of options) {
    const at = { file, line: option.line };
    if (option.unknown !== undefined) lints.push(diagnostic('FD113', `the option appended here is unknown statically: ${option.unknown}`, at));
    const bad = option.tags.length === 0 || option.option === '' ? 'no tag or no option' : option.tags.filter((t) => !(t in tags)).map((t) => `"${t}"`).join(', ');
    if (bad) lints.push(diagnostic('FD410', `${option.tags.join(',')}:${option.option} has ${option.tags.length && option.option ? `the unrecognised tag ${bad}` : bad}: check_tags stops the script`, at));
    const earlier = first.get(option.option);
    if (earlier !== undefined) lints.push(diagnostic('FD411', `${option.option} is given again (first at line ${earlier})`, at));
    else first.set(option.option, option.line);
  }
  return lints;
}

function recognisedTags(variable: ShellVariable | undefined): Record<string, string> {
  if (variable?.kind !== 'assoc') return {};
  return Object.fromEntries([...variable.items].map(([tag, meaning]) => [tag, textOf(meaning)]));
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
