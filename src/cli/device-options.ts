/**
 * `flagdiff qemu`'s device options: `--qemu-tree DIR` (the QEMU source tree the devices are
 * evaluated with), `--devices [TARGET[/NAME][+]=]FILE` (a device file the recipe copies into the
 * tree, or with `+=` appends to one) and `--reference-devices FILE` (the reference's device file).
 */
import type { Build, DeviceOverlay } from '../model/build.js';
import { profileFromConfig } from '../model/profile-from-config.js';
import type { Profile } from '../model/requirement.js';
import type { ReadHost } from '../readers/host.js';
import { loadDeviceConfig, loadDeviceSettings } from '../readers/qemu/load-device-config.js';
import type { DeviceConfig } from '../readers/qemu/load-device-config.js';
import type { QemuTree } from '../readers/qemu/load-qemu-tree.js';
import { normalizeBuild } from '../readers/qemu/normalize-build.js';
import { selectDevices, systemTargetOf } from '../readers/qemu/select-devices.js';
import { InputError } from '../model/diagnostic.js';
import { UsageError } from './io.js';

/** A `--devices` value; without a place it is the compared target's device file. */
export interface DeviceOption {
  readonly target?: string;
  readonly name?: string;
  readonly mode: 'replace' | 'append';
  readonly file: string;
}

const PLACED = /^([a-z0-9_]+-softmmu)(?:\/([A-Za-z0-9_.-]+))?(\+?)=(.+)$/;

export function parseDeviceOptions(values: readonly string[] | undefined): DeviceOption[] {
  return (values ?? []).map((value) => {
    const m = PLACED.exec(value);
    if (!m) {
      if (/^[^/=]*\+?=/.test(value)) throw new UsageError(`--devices takes [TARGET[/NAME][+]=]FILE, e.g. x86_64-softmmu/microvm=microvm.mak; got '${value}'`);
      return { mode: 'replace', file: value };
    }
    return { target: m[1]!, ...(m[2] ? { name: m[2].replace(/\.mak$/, '') } : {}), mode: m[3] ? 'append' : 'replace', file: m[4]! };
  });
}

/** The build's device files for the arch's target, when a tree or device files are given. */
export async function loadCandidateDevices(build: Build, arch: string, options: readonly DeviceOption[], host: ReadHost, tree?: QemuTree): Promise<DeviceConfig | undefined> {
  if (!tree && options.length === 0 && !build.devices?.length) return undefined;
  const selection = selectDevices(normalizeBuild(build), arch);
  const overlays: DeviceOverlay[] = options.map((o) => ({
    target: o.target ?? systemTargetOf(arch),
    name: o.name ?? (o.target ? 'default' : selection.name),
    mode: o.mode,
    file: o.file,
  }));
  return loadDeviceConfig(selection, [...(build.devices ?? []), ...overlays], host, tree);
}

/** The reference's device requirements: the `CONFIG_X=y|n` of the files given, merged in order. */
export async function loadReferenceDevices(files: readonly string[], host: ReadHost): Promise<Profile> {
  const set = await loadDeviceSettings(files, host);
  // A reference that cannot be read whole is no reference: stop rather than compare with part of it.
  const broken = set.diagnostics.find((d) => d.level === 'error');
  if (broken) throw new InputError(broken);
  return profileFromConfig(set, { name: 'reference devices', source: files.join(', ') });
}
