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
import { TEXT_COMMANDS } from '../../eval/shell/text-commands.js';
import { concatStrings, splitLines, textOf } from '../../eval/shell/shell-value.js';
import { readDeviceMak } from './read-device-mak.js';

export interface DeviceInputs {
  readonly arch: string;
  /** `plain` (kata-qemu), or a build suffix: `no-shared-fs`, `snp-experimental`, `tdx-experimental`. */
  readonly flavor: string;
}

/** One device line Kata appends: the key, its value, its line in the script, and its group (`_COMMON_DEVS`). */
export interface KataDevice {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly group?: string;
}

export interface KataDeviceSet {
  /** The QEMU target whose default.mak the lines are appended to (`i386-softmmu` for x86_64). */
  readonly target: string;
  readonly entries: readonly KataDevice[];
  /** What verify_devices and verify_objects check in the built binary: QOM type names. */
  readonly qomDevices: readonly string[];
  readonly qomObjects: readonly string[];
}

export interface DevicesResult {
  readonly devices?: KataDeviceSet;
  readonly diagnostics: readonly Diagnostic[];
  /** Why build-qemu.sh stops, or appends nothing, for this arch and flavour. */
  readonly failed?: string;
}

/** Diagnostics that can hide a device line: an undecided branch, a construct not evaluated, a bound. */
const RELEVANT = new Set(['FD302', 'FD303', 'FD304', 'FD306']);

export function readQemuDevices(script: ShellScript, inputs: DeviceInputs): DevicesResult {
  const qom = { devices: [] as string[], objects: [] as string[] };
  const run = evaluateShell(script, {
    env: { ARCH: inputs.arch, HYPERVISOR_NAME: inputs.flavor === 'plain' ? 'kata-qemu' : `kata-qemu-${inputs.flavor}` },
    hooks: {
      ...TEXT_COMMANDS,
      verify_devices: (call) => {
        qom.devices.push(...call.argv.slice(1).map(textOf));
        return { status: 0 };
      },
      verify_objects: (call) => {
        qom.objects.push(...call.argv.slice(1).map(textOf));
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
  const entries = readDeviceMak(lines.map((l) => l.text).join('\n')).entries.map(([key, value, n]): KataDevice => {
    const line = lines[n - 1]!.origin.line;
    const group = groups.get(line);
    return { key, value, line, ...(group ? { group } : {}) };
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
