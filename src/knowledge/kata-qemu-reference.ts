/**
 * The built-in Kata QEMU reference: Kata's configure options with their tags (what
 * configure-hypervisor.sh -ds prints), the devices and objects build-qemu.sh verifies in the built
 * binary, and the machine type its runtime boots; shipped as kata-qemu.json, written by
 * scripts/generate-kata-qemu.mjs.
 */
import type { Argument } from '../model/build.js';
import type { NamedRequirement, QemuReference } from '../model/qemu-reference.js';
import { splitWords } from '../readers/qemu/split-words.js';
import data from './kata-qemu.json' with { type: 'json' };

interface KataQemuData {
  readonly repository: string;
  readonly commit: string;
  readonly qemuVersion: string;
  readonly script: string;
  readonly allowlist: string;
  readonly toml: string;
  readonly runtime: Readonly<Record<string, number>>;
  readonly arches: Readonly<
    Record<
      string,
      {
        readonly options: ReadonlyArray<readonly [string, string, number]>;
        readonly devices: ReadonlyArray<readonly [string, number]>;
        readonly objects: ReadonlyArray<readonly [string, number]>;
        readonly machine: readonly [string, string, number];
      }
    >
  >;
}

const KATA = data as unknown as KataQemuData;

/** Arches the built-in reference has. */
export function kataQemuArches(): string[] {
  return Object.keys(KATA.arches);
}

/** Kata's QEMU build for `arch`, evaluated for `version` (default: the version Kata pins). */
export function kataQemuReference(arch: string, version: string = KATA.qemuVersion): QemuReference {
  const entry = KATA.arches[arch];
  if (!entry) throw new RangeError(`the built-in Kata QEMU reference has no ${arch} build; it has ${kataQemuArches().join(', ')}`);
  const argv: Argument[] = entry.options.flatMap(([tags, option, line]) =>
    // The script's output goes through xargs, which removes the quotes around --extra-cflags's value.
    splitWords(option).map((word) => ({ text: word.text, origin: { file: KATA.script, line }, tags: tags.split(',') })),
  );
  const verified = (rows: ReadonlyArray<readonly [string, number]>, why: string): NamedRequirement[] =>
    rows.map(([name, line]) => ({ name, origin: { file: KATA.allowlist, line }, reasons: [why] }));
  const [machine, machineFile, machineLine] = entry.machine;
  // The runtime backs guest RAM with memory-backend-file (shared with virtiofsd) and plugs the image
  // as an nvdimm backed by a read-only memory-backend-file (disable_image_nvdimm = false).
  const runtimeObjects: NamedRequirement[] = [
    { name: 'memory-backend-file', origin: { file: KATA.toml, line: KATA.runtime.disable_image_nvdimm ?? 0 }, reasons: ['runtime'] },
  ];
  return {
    name: 'kata',
    source: `${KATA.repository}@${KATA.commit.slice(0, 12)}`,
    arch,
    version,
    build: { id: 'kata-qemu', arch, tool: 'configure', argv, origin: { file: KATA.script, line: argv[0]?.origin.line ?? 0 } },
    devices: verified(entry.devices, 'verify_devices'),
    objects: [...verified(entry.objects, 'verify_objects'), ...runtimeObjects],
    machines: [{ name: machine, origin: { file: machineFile, line: machineLine }, reasons: ['machine_type'] }],
  };
}

/** The QEMU version Kata pins in the built-in reference. */
export function kataQemuVersion(): string {
  return KATA.qemuVersion;
}
