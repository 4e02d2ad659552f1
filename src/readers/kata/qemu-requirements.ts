/**
 * Kata's QEMU build as the model's types: the configure invocation (a Build), the device requirements
 * (a Profile), and the whole `QemuReference` that `flagdiff qemu` compares with.
 */
import type { Argument, Build, DeviceOverlay } from '../../model/build.js';
import type { NamedRequirement, QemuReference } from '../../model/qemu-reference.js';
import type { Profile, Requirement } from '../../model/requirement.js';
import type { KataQemuData } from './read-kata-qemu.js';

/** One of Kata's configure options in the order configure-hypervisor.sh gives them. */
export interface KataQemuOption {
  /** Kata's tags: why it passes the option (`size`, `security`, ...). */
  readonly tags: readonly string[];
  /** As the script prints it (`--extra-cflags=" -O2"`); configure receives it after xargs' quote removal. */
  readonly option: string;
  readonly origin: { readonly file: string; readonly line: number };
}

/** Flavours with options or devices for the arch. */
export function kataQemuFlavorsOf(kata: KataQemuData, arch: string): string[] {
  return [...new Set([...Object.keys(kata.options[arch] ?? {}), ...Object.keys(kata.devices[arch] ?? {})])];
}

export function kataQemuOptionsOf(kata: KataQemuData, arch: string, flavor = 'plain'): KataQemuOption[] {
  const entries = kata.options[arch]?.[flavor];
  if (!entries) throw new RangeError(noBuild(kata, arch, flavor, 'configure options'));
  return entries.map(([tags, option, line]) => ({ tags: tags.split(',').filter(Boolean), option, origin: { file: kata.configureScript, line } }));
}

/** The configure invocation build-qemu.sh makes (`configure-hypervisor.sh -s ... | xargs ./configure`), each word with its tags. */
export function kataQemuBuildOf(kata: KataQemuData, arch: string, flavor = 'plain'): Build {
  const argv: Argument[] = kataQemuOptionsOf(kata, arch, flavor).flatMap((o) => xargsWords(o.option).map((text) => ({ text, origin: o.origin, tags: o.tags })));
  const devices = appendedDevices(kata, arch, flavor);
  return { id: flavor === 'plain' ? 'kata-qemu' : `kata-qemu-${flavor}`, arch, tool: 'configure', argv, origin: { file: kata.configureScript, line: 0 }, ...(devices ? { devices: [devices] } : {}) };
}

/**
 * The lines build-qemu.sh appends to the target's default.mak before configure, as a device overlay.
 * Kata 1.x's default-configs replace QEMU 5.0's files of another layout, and are not given as one.
 */
function appendedDevices(kata: KataQemuData, arch: string, flavor: string): DeviceOverlay | undefined {
  const set = kata.devices[arch]?.[flavor];
  if (!set || set.entries.some((e) => e.file !== kata.deviceSource)) return undefined;
  const written = set.entries.map((e) => ({ text: `${e.key}=${e.value}`, origin: { file: e.file, line: e.line } }));
  return { target: set.target, name: 'default', mode: 'append', file: kata.deviceSource, written };
}

/** The device lines as requirements: key `CONFIG_X`, the value Kata sets, its group as the reason. */
export function kataQemuDevicesOf(kata: KataQemuData, arch: string, flavor = 'plain'): Profile {
  const set = kata.devices[arch]?.[flavor];
  if (!set) throw new RangeError(noBuild(kata, arch, flavor, 'device list'));
  const requirements = new Map<string, Requirement>();
  for (const entry of set.entries) {
    const previous = requirements.get(entry.key);
    const assignment = { value: entry.value, origin: { file: entry.file, line: entry.line } };
    requirements.set(entry.key, {
      key: entry.key,
      want: entry.value,
      reasons: [...new Set([...(previous?.reasons ?? []), entry.group ?? `${set.target} default.mak`])],
      origin: assignment.origin,
      ...(previous ? { writers: [...(previous.writers ?? []), { value: previous.want, origin: previous.origin }] } : {}),
    });
  }
  return {
    name: flavor === 'plain' ? 'kata' : `kata (${flavor})`,
    domain: 'qemu',
    source: `${kata.repository}@${kata.commit.slice(0, 12)}`,
    arch,
    flavor,
    meta: { commit: kata.commit, qemu: kata.qemuVersion, target: set.target, subdomain: 'device' },
    requirements,
  };
}

/**
 * Everything `flagdiff qemu` checks against Kata for one arch and flavour: configure-hypervisor.sh's
 * options (a Build), build-qemu.sh's device lines (`deviceSymbols`) and the QOM names its
 * verify_devices/verify_objects check in the built binary, the machine type the runtime boots, and
 * memory-backend-file, which the runtime backs guest RAM and the NVDIMM image with
 * (configuration-qemu.toml's disable_image_nvdimm = false). Throws a RangeError for an arch or
 * flavour Kata builds no QEMU options for.
 */
export function kataQemuReferenceOf(kata: KataQemuData, arch: string, flavor = 'plain', name = 'kata'): QemuReference {
  const build = kataQemuBuildOf(kata, arch, flavor);
  const devices = kata.devices[arch]?.[flavor];
  const named = (list: ReadonlyArray<readonly [string, number]>, why: string): NamedRequirement[] =>
    list.map(([qom, line]) => ({ name: qom, origin: { file: kata.deviceSource, line }, reasons: [why] }));
  const machine = kata.machines?.[arch];
  const nvdimm = kata.runtime?.settings['disable_image_nvdimm'];
  const runtimeObjects: NamedRequirement[] = nvdimm ? [{ name: 'memory-backend-file', origin: { file: kata.runtime!.file, line: nvdimm }, reasons: ['runtime'] }] : [];
  return {
    name: flavor === 'plain' ? name : `${name} (${flavor})`,
    source: `${kata.repository}@${kata.commit.slice(0, 12)}`,
    arch,
    version: kata.qemuVersion,
    build,
    devices: named(devices?.qomDevices ?? [], 'verify_devices'),
    objects: [...named(devices?.qomObjects ?? [], 'verify_objects'), ...runtimeObjects],
    machines: machine ? [{ name: machine[0], origin: { file: machine[1], line: machine[2] }, reasons: ['machine_type'] }] : [],
    ...(devices ? { deviceSymbols: kataQemuDevicesOf(kata, arch, flavor) } : {}),
  };
}

function noBuild(kata: KataQemuData, arch: string, flavor: string, what: string): string {
  const pin = kata.pins[flavor];
  if (pin) return `the ${flavor} QEMU is built from ${pin}, not QEMU ${kata.qemuVersion}: its ${what} cannot be evaluated statically`;
  const flavors = kataQemuFlavorsOf(kata, arch);
  return flavors.length ? `no ${flavor} QEMU ${what} for ${arch}: Kata builds ${flavors.join(', ')}` : `Kata builds no QEMU for ${arch}`;
}

/** The words xargs makes of a line: split on blanks, with '...' and "..." quoting and backslash escapes. */
function xargsWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      word = (word ?? '') + text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end;
    } else if (ch === '\\' && i + 1 < text.length) word = (word ?? '') + text.charAt(++i);
    else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}
