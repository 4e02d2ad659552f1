/**
 * What decides the host and accelerator symbols meson.build passes to minikconf
 * (`host_kconfig` and the accelerators of each target in QEMU 7.2 and 10.0 meson.build,
 * `kconfig_external_symbols` in 5.2): each is `CONFIG_X=y` when a feature is usable on the build
 * host, and absent (so `n`) otherwise. flagdiff assumes a Linux build host building a system
 * emulator, as every Kata and distro build is; what else a feature needs (a library on the build
 * machine) is left unknown, never guessed.
 */
import type { Tri } from '../eval/minikconf/evaluate-minikconf.js';
import type { Origin } from '../model/origin.js';

/** A build option's effective state, as compare/effective-qemu.ts computes it. */
export interface OptionState {
  readonly value: string;
  /** `explicit`, `default`, `without-default-features`, `linux-auto` or `fixed` (the same in every build of the version). */
  readonly how: string;
  readonly setting?: { readonly spelling: string; readonly origin: Origin };
}

/** The value of a symbol meson passes, why, and the option that decided it. */
export interface HostSymbolValue {
  readonly value: Tri;
  readonly why: string;
  /** The feature or option key that decides it, if one does. */
  readonly option?: string;
  readonly origin?: Origin;
}

type Rule =
  | { readonly kind: 'fixed'; readonly value: 'y' | 'n'; readonly why: string }
  /** enabled → `enabled` (default y), disabled → n, auto → `auto`; `requires` another feature (off → n). */
  | { readonly kind: 'feature'; readonly key: string; readonly auto: Tri; readonly enabled?: Tri; readonly needs?: string; readonly requires?: string }
  | { readonly kind: 'boolean'; readonly key: string }
  /** An accelerator is passed for the targets it serves on the build host's CPU (meson.build accelerator_targets). */
  | { readonly kind: 'accelerator'; readonly key: string; readonly auto: Tri; readonly targets: Readonly<Record<string, readonly string[]>>; readonly needs?: string }
  | { readonly kind: 'fdt' };

const X86 = ['i386-softmmu', 'x86_64-softmmu'];

// meson.build `have_* = get_option(...).require(...).allowed()` (Q72 :L341-370, 10.0 :L216-240):
// on Linux these are on unless disabled. The others need a library the build machine may lack.
const RULES: Readonly<Record<string, Rule>> = {
  LINUX: { kind: 'fixed', value: 'y', why: 'a Linux build host' },
  IVSHMEM: { kind: 'fixed', value: 'y', why: 'eventfd, which Linux has' },
  MAC_PVG: { kind: 'fixed', value: 'n', why: 'macOS only' },
  HVF: { kind: 'fixed', value: 'n', why: 'macOS only' },
  WHPX: { kind: 'fixed', value: 'n', why: 'Windows only' },
  HAX: { kind: 'fixed', value: 'n', why: 'Windows and macOS only' },
  NVMM: { kind: 'fixed', value: 'n', why: 'NetBSD only' },
  VHOST_USER: { kind: 'feature', key: 'vhost_user', auto: 'y' },
  VHOST_VDPA: { kind: 'feature', key: 'vhost_vdpa', auto: 'y' },
  VHOST_KERNEL: { kind: 'feature', key: 'vhost_kernel', auto: 'y' },
  TPM: { kind: 'feature', key: 'tpm', auto: 'y' },
  MULTIPROCESS_ALLOWED: { kind: 'feature', key: 'multiprocess', auto: 'y' },
  VFIO_USER_SERVER_ALLOWED: { kind: 'feature', key: 'vfio_user_server', auto: 'y' },
  VIRTFS: { kind: 'feature', key: 'virtfs', auto: 'unknown', needs: 'libattr and libcap-ng' },
  SPICE: { kind: 'feature', key: 'spice', auto: 'unknown', needs: 'spice-server', requires: 'pixman' },
  OPENGL: { kind: 'feature', key: 'opengl', auto: 'unknown', needs: 'libepoxy with EGL' },
  PVRDMA: { kind: 'feature', key: 'pvrdma', auto: 'unknown', needs: 'the rdma libraries', requires: 'rdma' },
  PIXMAN: { kind: 'feature', key: 'pixman', auto: 'unknown', needs: 'pixman' },
  LIBCBOR: { kind: 'feature', key: 'libcbor', auto: 'unknown', needs: 'libcbor' },
  GNUTLS: { kind: 'feature', key: 'gnutls', auto: 'unknown', needs: 'gnutls' },
  HV_BALLOON_POSSIBLE: { kind: 'feature', key: 'hv_balloon', auto: 'unknown', needs: 'GLib 2.68 or later' },
  HAVE_RUST: { kind: 'feature', key: 'rust', auto: 'unknown', needs: 'rustc and bindgen' },
  // x11 is looked for only with GTK's X11 backend (10.0 meson.build :L1983).
  X11: { kind: 'feature', key: 'gtk', auto: 'unknown', enabled: 'unknown', needs: 'GTK with its X11 backend and libX11' },
  FUZZ: { kind: 'boolean', key: 'fuzzing' },
  FDT: { kind: 'fdt' },
  // TCG runs every target; KVM only the host CPU's own (meson.build kvm_targets); Xen serves the
  // x86 targets (and, from an aarch64 host since 10.0, aarch64's).
  TCG: { kind: 'accelerator', key: 'tcg', auto: 'y', targets: {} },
  KVM: {
    kind: 'accelerator',
    key: 'kvm',
    auto: 'y',
    targets: { x86_64: X86, aarch64: ['aarch64-softmmu'], s390x: ['s390x-softmmu'], ppc64le: ['ppc-softmmu', 'ppc64-softmmu'], riscv64: ['riscv64-softmmu'] },
  },
  XEN: { kind: 'accelerator', key: 'xen', auto: 'unknown', targets: { x86_64: X86, aarch64: [...X86, 'aarch64-softmmu'] }, needs: 'the Xen libraries' },
};

/** Whether flagdiff knows what decides a symbol. */
export function hasHostRule(symbol: string): boolean {
  return symbol in RULES;
}

/**
 * The value meson passes for `symbol` when building `target` on an `arch` host with these options;
 * `undefined` when flagdiff has no rule for it.
 */
export function hostSymbolValue(symbol: string, option: (key: string) => OptionState | undefined, target: string, arch: string): HostSymbolValue | undefined {
  const rule = RULES[symbol];
  if (!rule) return undefined;
  switch (rule.kind) {
    case 'fixed':
      return { value: rule.value, why: rule.why };
    case 'boolean': {
      const state = option(rule.key);
      return decided(state?.value === 'true' ? 'y' : 'n', rule.key, state);
    }
    case 'fdt':
      return fdtValue(option);
    case 'accelerator': {
      const serves = rule.key === 'tcg' || (rule.targets[arch] ?? []).includes(target);
      if (!serves) return { value: 'n', why: `${rule.key} does not serve ${target} on an ${arch} host`, option: rule.key };
      return featureValue(rule.key, rule.auto, 'y', rule.needs, option);
    }
    case 'feature': {
      const required = rule.requires ? option(rule.requires) : undefined;
      if (required?.value === 'disabled') return decided('n', rule.requires!, required, `${rule.key} needs ${rule.requires}, which is off`);
      return featureValue(rule.key, rule.auto, rule.enabled ?? 'y', rule.needs, option);
    }
  }
}

function featureValue(key: string, auto: Tri, enabled: Tri, needs: string | undefined, option: (key: string) => OptionState | undefined): HostSymbolValue {
  const state = option(key);
  if (!state) return { value: 'unknown', why: `flagdiff does not know ${key}'s default in this QEMU version`, option: key };
  const machine = needs ? `: whether the build machine has ${needs} decides` : '';
  if (state.value === 'disabled') return decided('n', key, state);
  if (state.value === 'enabled') return decided(enabled, key, state, enabled === 'y' ? undefined : `${describe(key, state)}${machine}`);
  return decided(auto, key, state, auto === 'y' ? undefined : `${describe(key, state)}${machine}`);
}

/** 10.0 meson.build :L2084-2110: auto falls back to the bundled dtc unless downloads are off. */
function fdtValue(option: (key: string) => OptionState | undefined): HostSymbolValue {
  const state = option('fdt');
  if (!state || state.value === 'disabled') return decided('n', 'fdt', state);
  const download = option('download');
  if (state.value === 'auto' && download?.value === 'disabled') {
    return decided('unknown', 'fdt', state, "fdt is auto and --disable-download keeps the bundled dtc out: the build machine's libfdt decides");
  }
  return decided('y', 'fdt', state);
}

function decided(value: Tri, key: string, state: OptionState | undefined, why?: string): HostSymbolValue {
  return {
    value,
    why: why ?? (state ? describe(key, state) : `${key} is not set`),
    option: key,
    ...(state?.setting ? { origin: state.setting.origin } : {}),
  };
}

/** `--disable-virtfs`, `virtfs is auto (the version's default)`, `... turned off by --without-default-features`. */
function describe(key: string, state: OptionState): string {
  if (state.how === 'explicit' && state.setting) return state.setting.spelling;
  if (state.how === 'without-default-features') return `${key} is auto, turned off by --without-default-features`;
  if (state.how === 'linux-auto') return `${key} is auto (the version's default), which on Linux builds as enabled`;
  if (state.how === 'fixed') return `${key} is ${state.value} in every build of the version`;
  return `${key} is ${state.value} (the version's default)`;
}

/**
 * Devices whose `depends on` names a host symbol in QEMU 7.2 and 10.0 (hw/9pfs/Kconfig,
 * hw/virtio/Kconfig, hw/block/Kconfig, hw/scsi/Kconfig, hw/input/Kconfig, hw/display/Kconfig): without
 * a QEMU tree, a device file that sets one of them while the build turns the feature off cannot build.
 */
export const DEVICE_HOST_NEEDS: Readonly<Record<string, string>> = {
  VIRTIO_9P: 'VIRTFS',
  VHOST_VSOCK: 'VHOST_KERNEL',
  VHOST_SCSI: 'VHOST_KERNEL',
  VHOST_USER_FS: 'VHOST_USER',
  VHOST_USER_BLK: 'VHOST_USER',
  VHOST_USER_SCSI: 'VHOST_USER',
  VHOST_USER_VSOCK: 'VHOST_USER',
  VHOST_USER_INPUT: 'VHOST_USER',
  VHOST_USER_GPU: 'VHOST_USER',
  VHOST_USER_RNG: 'VHOST_USER',
  VHOST_USER_I2C: 'VHOST_USER',
  VHOST_USER_GPIO: 'VHOST_USER',
};
