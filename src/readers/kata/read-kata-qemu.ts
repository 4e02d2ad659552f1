/**
 * Kata's QEMU build, read from a checkout: configure-hypervisor.sh's options and the device allowlist,
 * per arch and flavour, for the QEMU version Kata pins. Kata 2+: the flavours are kata-deploy's QEMU
 * builds (kata-deploy-binaries.sh: the plain kata-qemu and the no-shared-fs, snp-experimental and
 * tdx-experimental suffixes), devices from static-build/qemu/build-qemu.sh. Kata 1.x: one build, devices
 * from qemu/default-configs.
 */
import { ARCHES } from '../../model/arch.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import { parseShell } from '../../eval/shell/parse-shell.js';
import type { ReadHost } from '../host.js';
import type { KataLayout } from './kata-layout.js';
import { bareVersion, readText, yamlValue } from './kata-layout.js';
import { readConfigureHypervisor } from './read-configure-hypervisor.js';
import { readDefaultConfigs } from './read-default-configs.js';
import { readQemuDevices } from './read-qemu-devices.js';
import type { KataDeviceData } from './read-qemu-devices.js';

export type { KataDeviceData, KataDeviceEntry } from './read-qemu-devices.js';

/** kata-deploy's QEMU build suffixes (kata-deploy-binaries.sh install_qemu_*); `plain` is kata-qemu itself. */
const QEMU_FLAVORS: readonly string[] = ['plain', 'no-shared-fs', 'snp-experimental', 'tdx-experimental'];

/** The arches Kata 1.x built QEMU for (configure-hypervisor.sh's cross-compilation cases). */
const KATA1_ARCHES: readonly string[] = ['x86_64', 'aarch64', 'ppc64le', 's390x'];

/** What the built-in profile ships (src/knowledge/kata-qemu-build.json). */
export interface KataQemuData {
  readonly repository: string;
  readonly commit: string;
  /** The QEMU version the options are evaluated for: Kata's pin (versions.yaml) unless told otherwise. */
  readonly qemuVersion: string;
  readonly gccVersion: string;
  /** PREFIX in configure-hypervisor.sh's environment (build-base-qemu.sh passes /opt/kata); absent: unset. */
  readonly prefix?: string;
  readonly configureScript: string;
  readonly deviceSource: string;
  /** recognised_tags: each tag and what it means. */
  readonly tags: Readonly<Record<string, string>>;
  /** Per arch and flavour, in the script's order: `[tags, option, line]`. */
  readonly options: Readonly<Record<string, Readonly<Record<string, ReadonlyArray<readonly [string, string, number]>>>>>;
  readonly devices: Readonly<Record<string, Readonly<Record<string, KataDeviceData>>>>;
  /** Flavours built from another QEMU than the pinned version, and what pins them: their options are not shipped. */
  readonly pins: Readonly<Record<string, string>>;
  /** Problems in Kata's scripts (FD410, FD411, FD113, FD3xx), once each. */
  readonly lints: readonly Diagnostic[];
  /** The machine type Kata's runtime boots per arch (`MACHINETYPE` of src/runtime/arch/<goarch>-options.mk): `[name, file, line]`. */
  readonly machines?: Readonly<Record<string, readonly [string, string, number]>>;
  /** configuration-qemu.toml.in and the line of each setting a QEMU finding's fix names. */
  readonly runtime?: { readonly file: string; readonly settings: Readonly<Record<string, number>> };
}

export interface KataQemuInputs {
  readonly commit: string;
  /** Overrides the version versions.yaml pins (required for Kata 1.x, whose pin lives in another repository). */
  readonly qemuVersion?: string;
  readonly gccVersion?: string;
}

export async function readKataQemu(layout: KataLayout, host: ReadHost, inputs: KataQemuInputs): Promise<KataQemuData> {
  const hasVersions = layout.versionsFile !== undefined && (await host.kind(`${layout.root}/${layout.versionsFile}`)) === 'file';
  const versions = hasVersions ? await readText(host, layout.root, layout.versionsFile!) : '';
  const qemuVersion = inputs.qemuVersion ?? bareVersion(yamlValue(versions, 'assets.hypervisor.qemu.version'));
  if (!qemuVersion) throw new RangeError(`${layout.repository} does not say which QEMU it builds: give the QEMU version`);
  const kata1 = layout.defaultConfigs !== undefined;
  const prefix = kata1 ? undefined : '/opt/kata';
  const gccVersion = inputs.gccVersion ?? '12.2.0';
  const configure = parseShell(await readText(host, layout.root, layout.configureScript), layout.configureScript);
  const buildScript = layout.qemuBuildScript && (await host.kind(`${layout.root}/${layout.qemuBuildScript}`)) === 'file' ? layout.qemuBuildScript : undefined;
  const build = buildScript ? parseShell(await readText(host, layout.root, buildScript), buildScript) : undefined;

  const pins: Record<string, string> = {};
  for (const flavor of build ? QEMU_FLAVORS.slice(1) : []) {
    const tag = yamlValue(versions, `assets.hypervisor.qemu-${flavor}.tag`);
    if (tag) pins[flavor] = `${yamlValue(versions, `assets.hypervisor.qemu-${flavor}.url`) ?? 'another repository'} tag ${tag}`;
  }
  const options: Record<string, Record<string, [string, string, number][]>> = {};
  const devices: Record<string, Record<string, KataDeviceData>> = {};
  const lints = new Map<string, Diagnostic>();
  const keep = (list: readonly Diagnostic[]) => list.filter((d) => d.code !== 'FD111').forEach((d) => lints.set(`${d.code}:${d.file}:${d.line}:${d.message}`, d));
  let tags: Record<string, string> = {};
  for (const arch of kata1 ? KATA1_ARCHES : ARCHES) {
    for (const flavor of build ? QEMU_FLAVORS : ['plain']) {
      if (build) {
        const result = readQemuDevices(build, { arch, flavor });
        if (!result.devices) continue;
        keep(result.diagnostics);
        (devices[arch] ??= {})[flavor] = result.devices;
      } else if (kata1) {
        const list = await readDefaultConfigs(layout.root, layout.defaultConfigs!, arch, host);
        if (list) {
          (devices[arch] ??= {})[flavor] = { target: list.target, entries: list.entries, qomDevices: [], qomObjects: [] };
          keep(list.diagnostics);
        }
      }
      if (flavor in pins) continue;
      const hypervisor = flavor === 'plain' ? 'kata-qemu' : `kata-qemu-${flavor}`;
      const result = readConfigureHypervisor(configure, { arch, qemuVersion, hypervisor, gccVersion, ...(prefix ? { prefix } : {}) });
      if (result.failed) {
        lints.set(`FD111:${arch}`, diagnostic('FD111', `configure-hypervisor.sh (${arch}, QEMU ${qemuVersion}): ${result.failed}`, { file: configure.file, line: 0 }));
        continue;
      }
      keep(result.diagnostics);
      tags = { ...result.tags };
      (options[arch] ??= {})[flavor] = result.options.map((o): [string, string, number] => [o.tags.join(','), o.option, o.line]);
    }
  }
  const runtime = layout.runtimeDir ? await readRuntime(layout, layout.runtimeDir, host, Object.keys(options)) : {};
  return {
    ...runtime,
    repository: layout.repository,
    commit: inputs.commit,
    qemuVersion,
    gccVersion,
    ...(prefix ? { prefix } : {}),
    configureScript: layout.configureScript,
    deviceSource: buildScript ?? layout.defaultConfigs ?? '',
    tags,
    options,
    devices,
    pins,
    lints: [...lints.values()],
  };
}

/** Go's name for each arch: the runtime's per-arch makefiles are named after it. */
const GOARCH: Readonly<Record<string, string>> = { x86_64: 'amd64', aarch64: 'arm64', s390x: 's390x', ppc64le: 'ppc64le', riscv64: 'riscv64' };

/** configuration.toml settings that decide which devices and objects the runtime asks QEMU for (qemu-consequences.ts names them). */
const RUNTIME_SETTINGS: readonly string[] = ['machine_type', 'seccompsandbox', 'shared_fs', 'virtio_fs_cache_size', 'disable_image_nvdimm'];

/** The runtime's machine type per arch (`MACHINETYPE := q35`) and the lines of its QEMU settings; what is not there is left out. */
async function readRuntime(layout: KataLayout, dir: string, host: ReadHost, arches: readonly string[]): Promise<Pick<KataQemuData, 'machines' | 'runtime'>> {
  const machines: Record<string, [string, string, number]> = {};
  for (const arch of arches) {
    const file = `${dir}/arch/${GOARCH[arch]}-options.mk`;
    if ((await host.kind(`${layout.root}/${file}`)) !== 'file') continue;
    const lines = (await readText(host, layout.root, file)).split('\n');
    const index = lines.findIndex((l) => /^MACHINETYPE\s*:?=/.test(l));
    if (index >= 0) machines[arch] = [lines[index]!.replace(/^[^=]*=/, '').trim(), file, index + 1];
  }
  const file = `${dir}/config/configuration-qemu.toml.in`;
  if ((await host.kind(`${layout.root}/${file}`)) !== 'file') return { machines };
  const lines = (await readText(host, layout.root, file)).split('\n');
  const settings: Record<string, number> = {};
  for (const name of RUNTIME_SETTINGS) {
    const index = lines.findIndex((l) => l.startsWith(`${name} =`));
    if (index >= 0) settings[name] = index + 1;
  }
  return { machines, runtime: { file, settings } };
}
