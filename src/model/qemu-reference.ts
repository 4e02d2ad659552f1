/** What a reference (Kata) requires of a QEMU build: its configure invocation and the parts its runtime uses. */
import type { Build } from './build.js';
import type { Origin } from './origin.js';
import type { Profile } from './requirement.js';

/** A device model, machine type or object the reference needs, with where it is asked for and why. */
export interface NamedRequirement {
  readonly name: string;
  readonly origin: Origin;
  readonly reasons: readonly string[];
}

export interface QemuReference {
  readonly name: string;
  /** Human-readable origin: a checkout path, or the upstream commit of a built-in reference. */
  readonly source: string;
  readonly arch: string;
  /** The QEMU version the reference builds (Kata's versions.yaml); its options are checked against it. */
  readonly version: string;
  readonly build: Build;
  /** `-device` models the reference's runtime uses (Kata's verify_devices list). */
  readonly devices: readonly NamedRequirement[];
  /** `-object` types (Kata's verify_objects, and memory backends the runtime creates). */
  readonly objects: readonly NamedRequirement[];
  /** The machine type the runtime boots (`q35`, `virt`, ...). */
  readonly machines: readonly NamedRequirement[];
  /**
   * The device Kconfig symbols the reference's device files set (`CONFIG_VIRTIO_9P=y`, `CONFIG_USB=n`):
   * Kata's build-qemu.sh device groups, or a device `.mak` file given as the reference.
   */
  readonly deviceSymbols?: Profile;
}
