/**
 * Kata's QEMU device allowlist, from static-build/qemu/build-qemu.sh evaluated statically for one arch
 * and flavour: the `CONFIG_X=y` lines it appends (printf ... >> configs/devices/<target>/default.mak),
 * each with its line in the script and the `_*_DEVS` group it belongs to, after the flavour's blanking
 * (no-shared-fs, snp/tdx-experimental); and the QOM names its verify_devices/verify_objects check.
 * The flavour is the build suffix build-base-qemu.sh turns into HYPERVISOR_NAME=kata-qemu-<suffix>.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import { evaluateShell } from '../../eval/shell/evaluate-shell.js';
import type { ShellScript } from '../../eval/shell/shell-ast.js';
import type { CommandCall } from '../../eval/shell/shell-state.js';
import { TEXT_COMMANDS } from '../../eval/shell/text-commands.js';
import { concatStrings, splitLines, textOf } from '../../eval/shell/shell-value.js';
import { parseMinikconf } from '../../eval/minikconf/parse-minikconf.js';

export interface DeviceInputs {
  readonly arch: string;
  /** `plain` (kata-qemu), or a build suffix: `no-shared-fs`, `snp-experimental`, `tdx-experimental`. */
  readonly flavor: string;
}

/** One device setting of Kata's: the key, its value, the file and line that set it, and its group. */
export interface KataDeviceEntry {
  readonly key: string;
  readonly value: string;
  /** build-qemu.sh, or a Kata 1.x .mak file. */
  readonly file: string;
  readonly line: number;
  /** The build-qemu.sh group the line belongs to (`_COMMON_DEVS`), when it does. */
  readonly group?: string;
}

export interface KataDeviceData {
  /** The QEMU target whose device list Kata sets (`i386-softmmu` for x86_64). */
  readonly target: string;
  readonly entries: readonly KataDeviceEntry[];
  /** QOM type names build-qemu.sh checks in the built binary (`-device help`, `-object help`), each with the line it is written at. */
  readonly qomDevices: ReadonlyArray<readonly [string, number]>;
  readonly qomObjects: ReadonlyArray<readonly [string, number]>;
}

export interface DevicesResult {
  readonly devices?: KataDeviceData;
  readonly diagnostics: readonly Diagnostic[];
  /** Why build-qemu.sh stops, or appends nothing, for this arch and flavour. */
  readonly failed?: string;
}

/** Diagnostics that can hide a device line: an undecided branch, a construct not evaluated, a bound. */
const RELEVANT = new Set(['FD302', 'FD303', 'FD304', 'FD306']);

export function readQemuDevices(script: ShellScript, inputs: DeviceInputs): DevicesResult {
  const qom = { devices: [] as [string, number][], objects: [] as [string, number][] };
  // A name's line is where its word is written (an array's element), not the verify_* call.
  const named = (call: CommandCall) => call.argv.slice(1).map((word): [string, number] => [textOf(word), word.pieces[0]?.origin.line ?? call.origin.line]);
  const run = evaluateShell(script, {
    env: { ARCH: inputs.arch, HYPERVISOR_NAME: inputs.flavor === 'plain' ? 'kata-qemu' : `kata-qemu-${inputs.flavor}` },
    hooks: {
      ...TEXT_COMMANDS,
      verify_devices: (call) => {
        qom.devices.push(...named(call));
        return { status: 0 };
      },
      verify_objects: (call) => {
        qom.objects.push(...named(call));
        return { status: 0 };
      },
    },
  });
  const diagnostics = run.diagnostics.filter((d) => RELEVANT.has(d.code));
  const writes = run.writes.filter((w) => /(^|\/)configs\/devices\/[^/]+\/default\.mak$/.test(textOf(w.path)));
  if (writes.length === 0) {
    const failed = textOf(run.stderr).trim() || `build-qemu.sh appends no device for ${inputs.arch}`;
    diagnostics.push(diagnostic('FD111', `build-qemu.sh (${inputs.flavor}, ${inputs.arch}): ${failed}`, { file: script.file, line: 0 }));
    return { diagnostics, failed };
  }
  const target = /configs\/devices\/([^/]+)\/default\.mak$/.exec(textOf(writes[0]!.path))![1]!;
  const content = concatStrings(writes.map((w) => w.content), writes[0]!.origin);
  if (content.unknown !== undefined) {
    diagnostics.push(diagnostic('FD113', `the device lines appended to ${target}/default.mak are unknown statically: ${content.unknown}`, writes[0]!.origin));
  }
  const groups = groupLines(script);
  const lines = splitLines(content);
  // The appended lines are read as minikconf reads default.mak; each keeps the script line that wrote it.
  const parsed = parseMinikconf(lines.map((l) => l.text).join('\n'), `${target}/default.mak`);
  if (parsed.error) {
    const at = lines[parsed.error.origin.line - 1]?.origin ?? writes[0]!.origin;
    diagnostics.push(diagnostic('FD113', `the lines appended to ${target}/default.mak stop minikconf: ${parsed.error.message}`, at));
  }
  const entries = parsed.items.flatMap((item): KataDeviceEntry[] => {
    if (item.kind !== 'assign') return [];
    const line = lines[item.origin.line - 1]!.origin.line;
    const group = groups.get(line);
    return [{ key: `CONFIG_${item.symbol}`, value: item.value ? 'y' : 'n', file: script.file, line, ...(group ? { group } : {}) }];
  });
  return { devices: { target, entries, qomDevices: qom.devices, qomObjects: qom.objects }, diagnostics };
}

/** Lines of the script's top-level multi-line assignments (`_COMMON_DEVS='...'`), by line: the group name. */
function groupLines(script: ShellScript): Map<number, string> {
  const groups = new Map<number, string>();
  for (const command of script.commands) {
    if (command.kind !== 'simple') continue;
    for (const assignment of command.assignments) {
      const lines = assignment.value?.parts.map((p) => p.line) ?? [];
      if (lines.length === 0) continue;
      for (let line = Math.min(...lines); line <= Math.max(...lines); line++) groups.set(line, assignment.name);
    }
  }
  return groups;
}
