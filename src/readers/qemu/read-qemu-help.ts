/**
 * What a qemu-system binary says it contains: the output of `-device help`, `-machine help` and
 * `-object help`, read as untrusted text. Formats as QEMU prints them (qdev-monitor.c
 * `qdev_print_devinfo`: `name "X", bus Y, alias "Z", desc "..."`; vl.c `machine_help_func`:
 * `Supported machines are:` then `name  description`; qom/object_interfaces.c
 * `user_creatable_print_help`: `List of user creatable objects:` then indented names).
 */
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';

export interface QemuHelp {
  /** The binary, as given. */
  readonly source: string;
  /** Device models and their aliases, each with the line of the output naming it. */
  readonly devices: ReadonlyMap<string, Origin>;
  readonly machines: ReadonlyMap<string, Origin>;
  readonly objects: ReadonlyMap<string, Origin>;
  /** The QEMU version, from the newest versioned machine type (`pc-q35-7.2` → `7.2`), when there is one. */
  readonly version?: string;
}

export interface QemuHelpTexts {
  readonly device: string;
  readonly machine: string;
  readonly object: string;
}

const DEVICE = /^name "([^"]+)"(?:.*?, alias "([^"]+)")?/;
const VERSIONED_MACHINE = /^(?:pc-q35|pc-i440fx|virt|pseries|s390-ccw-virtio)-(\d+)\.(\d+)$/;

export function readQemuHelp(texts: QemuHelpTexts, source: string): QemuHelp {
  const devices = new Map<string, Origin>();
  lines(texts.device).forEach((line, i) => {
    const m = DEVICE.exec(line);
    if (!m) return;
    const origin = { file: `${source} -device help`, line: i + 1 };
    devices.set(m[1]!, origin);
    if (m[2]) devices.set(m[2], origin);
  });
  if (devices.size === 0) fail(source, '-device help', 'names no device ("name \\"...\\"" lines)');

  const machineLines = lines(texts.machine);
  if (!machineLines[0]?.startsWith('Supported machines are:')) fail(source, '-machine help', 'does not start with "Supported machines are:"');
  const machines = new Map<string, Origin>();
  machineLines.slice(1).forEach((line, i) => {
    const name = /^(\S+)\s/.exec(`${line} `)?.[1];
    if (name) machines.set(name, { file: `${source} -machine help`, line: i + 2 });
  });

  const objectLines = lines(texts.object);
  if (!objectLines[0]?.startsWith('List of user creatable objects:')) fail(source, '-object help', 'does not start with "List of user creatable objects:"');
  const objects = new Map<string, Origin>();
  objectLines.slice(1).forEach((line, i) => {
    const name = line.trim();
    if (/^[\w.-]+$/.test(name)) objects.set(name, { file: `${source} -object help`, line: i + 2 });
  });

  const version = newestMachineVersion([...machines.keys()]);
  return { source, devices, machines, objects, ...(version ? { version } : {}) };
}

function lines(text: string): string[] {
  return text.replace(/\r/g, '').split('\n');
}

function fail(source: string, what: string, why: string): never {
  throw new InputError(diagnostic('FD173', `${what} output ${why}: not a qemu-system binary's help`, { file: source, line: 0 }));
}

/** QEMU adds a versioned machine type per release; the newest one names the release. */
function newestMachineVersion(names: readonly string[]): string | undefined {
  let best: [number, number] | undefined;
  for (const name of names) {
    const m = VERSIONED_MACHINE.exec(name);
    if (!m) continue;
    const v: [number, number] = [Number(m[1]), Number(m[2])];
    if (!best || v[0] > best[0] || (v[0] === best[0] && v[1] > best[1])) best = v;
  }
  return best ? `${best[0]}.${best[1]}` : undefined;
}
