/**
 * The built-in Kata QEMU profiles: configure-hypervisor.sh's options and the device allowlist, per arch
 * and flavour, evaluated statically from Kata's scripts (kata-qemu-build.json, Kata at the pinned commit) and
 * from Kata 1.x's (kata1-qemu-build.json), with the verify lists, the runtime's machine types and its
 * configuration-qemu.toml lines; written by `npm run profiles`.
 */
import type { Build } from '../model/build.js';
import type { QemuReference } from '../model/qemu-reference.js';
import type { Profile } from '../model/requirement.js';
import type { KataQemuOption } from '../readers/kata/qemu-requirements.js';
import { kataQemuBuildOf, kataQemuDevicesOf, kataQemuFlavorsOf, kataQemuOptionsOf, kataQemuReferenceOf } from '../readers/kata/qemu-requirements.js';
import type { KataQemuData } from '../readers/kata/read-kata-qemu.js';
import kata1 from './kata1-qemu-build.json' with { type: 'json' };
import kata from './kata-qemu-build.json' with { type: 'json' };

/** The built-in references by name: `kata` (the pinned Kata) and `kata-1.x`. */
// JSON imports type tuples as arrays; the generator writes exactly this shape.
const BUILT_IN: Readonly<Record<string, KataQemuData>> = { kata: kata as unknown as KataQemuData, 'kata-1.x': kata1 as unknown as KataQemuData };

export const KATA_QEMU_REFERENCES: readonly string[] = Object.keys(BUILT_IN);

/** The shipped data of a built-in reference; throws a RangeError for another name. */
export function kataQemuData(reference = 'kata'): KataQemuData {
  const data = BUILT_IN[reference];
  if (!data) throw new RangeError(`no built-in ${reference} QEMU profile: the built-in ones are ${KATA_QEMU_REFERENCES.join(', ')}`);
  return data;
}

export function kataQemuFlavors(arch: string, data: KataQemuData = kataQemuData()): string[] {
  return kataQemuFlavorsOf(data, arch);
}

/** configure-hypervisor.sh's options for the arch and flavour, in its order, with tags and lines. */
export function kataQemuOptions(arch: string, flavor = 'plain', data: KataQemuData = kataQemuData()): KataQemuOption[] {
  return kataQemuOptionsOf(data, arch, flavor);
}

/** The same as the configure invocation build-qemu.sh makes: words after xargs, each with its tags and line. */
export function kataQemuBuild(arch: string, flavor = 'plain', data: KataQemuData = kataQemuData()): Build {
  return kataQemuBuildOf(data, arch, flavor);
}

/** The devices Kata appends to the arch's default.mak, as requirements with their group as the reason. */
export function kataQemuDevices(arch: string, flavor = 'plain', data: KataQemuData = kataQemuData()): Profile {
  return kataQemuDevicesOf(data, arch, flavor);
}

/** Arches the built-in reference builds QEMU options for. */
export function kataQemuArches(data: KataQemuData = kataQemuData()): string[] {
  return Object.keys(data.options);
}

/** What `flagdiff qemu` compares with: Kata's options, devices, verify lists and machine type for the arch and flavour. */
export function kataQemuReference(arch: string, flavor = 'plain', data: KataQemuData = kataQemuData()): QemuReference {
  return kataQemuReferenceOf(data, arch, flavor);
}
