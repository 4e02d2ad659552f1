/**
 * Which device configuration a build uses for an arch's system target, from its options as
 * QEMU's configure reads them: `--without-default-devices` makes minikconf run `--allnoconfig`
 * (meson.build `get_option('default_devices') ? '--defconfig' : '--allnoconfig'`),
 * `--with-devices-ARCH=NAME` picks `configs/devices/ARCH-softmmu/NAME.mak` instead of `default.mak`,
 * and `--target-list`, `--target-list-exclude` and `--disable-system` decide whether the target is built.
 */
import type { MinikconfMode } from '../../eval/minikconf/evaluate-minikconf.js';
import type { Origin } from '../../model/origin.js';
import type { QemuConfigSet } from '../../model/qemu-setting.js';

export interface DeviceSelection {
  /** `x86_64-softmmu`. */
  readonly target: string;
  /** The device file's name: `default`, or NAME of `--with-devices-ARCH=NAME`. */
  readonly name: string;
  readonly mode: MinikconfMode;
  /** Whether the build builds the target at all: `unknown` when its target list is not evaluated statically. */
  readonly built: boolean | 'unknown';
  /** Why the device file's name is not known, when a word that names it is not evaluated statically. */
  readonly nameUnknown?: string;
  /** Where `--with-devices-ARCH=` and `--without-default-devices` are written, if they are. */
  readonly nameOrigin?: Origin;
  readonly modeOrigin?: Origin;
}

/** Kata's arches and the system target each runs guests with (ppc64le uses `ppc64-softmmu`). */
const TARGET: Readonly<Record<string, string>> = {
  x86_64: 'x86_64-softmmu',
  aarch64: 'aarch64-softmmu',
  s390x: 's390x-softmmu',
  ppc64le: 'ppc64-softmmu',
  riscv64: 'riscv64-softmmu',
};

export function systemTargetOf(arch: string): string {
  return TARGET[arch] ?? `${arch}-softmmu`;
}

export function selectDevices(config: QemuConfigSet, arch: string): DeviceSelection {
  const target = systemTargetOf(arch);
  const named = config.settings.get(`devices_${target.slice(0, -'-softmmu'.length)}`);
  const mode = config.settings.get('default_devices');
  const targets = config.settings.get('target_list');
  const list = targets?.value.split(',');
  const excluded = config.settings.get('target_list_exclude')?.value.split(',');
  const system = config.settings.get('system')?.value;
  const listed = list ? list.includes(target) : system !== 'disabled' && !(excluded ?? []).includes(target);
  const built = !listed && targets?.unknown ? 'unknown' : listed;
  return {
    target,
    name: named?.value || 'default',
    mode: mode?.value === 'false' || mode?.value === 'disabled' ? 'allnoconfig' : 'defconfig',
    built,
    ...(named?.unknown ? { nameUnknown: named.unknown } : {}),
    ...(named ? { nameOrigin: named.origin } : {}),
    ...(mode ? { modeOrigin: mode.origin } : {}),
  };
}
