/** `flagdiff qemu`: a QEMU build (spec file, flags file, meson -D list, qemu-system binary) against Kata's. */
import { basename, dirname, join } from 'node:path';
import { compareQemu } from '../compare/compare-qemu.js';
import type { QemuBuildCandidate } from '../compare/compare-qemu.js';
import { compareQemuBinary } from '../compare/compare-qemu-binary.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { QemuReference } from '../model/qemu-reference.js';
import type { Report } from '../model/report.js';
import { DEFAULT_LIMITS, decodeInput } from '../readers/decode-input.js';
import type { ReadHost } from '../readers/host.js';
import { kataQemuReferenceOf } from '../readers/kata/qemu-requirements.js';
import { chooseQemuBuild } from '../readers/qemu/choose-build.js';
import { readFlags } from '../readers/qemu/read-flags.js';
import { loadQemuTree } from '../readers/qemu/load-qemu-tree.js';
import type { QemuTree } from '../readers/qemu/load-qemu-tree.js';
import { loadCandidateDevices, loadReferenceDevices, parseDeviceOptions } from './device-options.js';
import type { DeviceOption } from './device-options.js';
import { UsageError } from './io.js';
import type { CliIo } from './io.js';
import { isKataReference, loadKataSource, orUsageError } from './kata-source.js';
import type { KataSource } from './kata-source.js';
import { nodeHost } from './node-host.js';
import { reportOutputOf, writeReports } from './write-reports.js';
import { COMMON_OPTIONS, REPORT_OPTIONS, parseArches, parseCommand, parseDefines } from './options.js';
import { loadQemuCandidate } from './qemu-candidate.js';
import type { QemuCandidate } from './qemu-candidate.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  reference: { type: 'string', short: 'r' },
  arch: { type: 'string', multiple: true },
  flavor: { type: 'string', default: 'plain' },
  'qemu-version': { type: 'string' },
  build: { type: 'string' },
  load: { type: 'string', multiple: true },
  define: { type: 'string', short: 'D', multiple: true },
  with: { type: 'string', multiple: true },
  without: { type: 'string', multiple: true },
  vendor: { type: 'string' },
  profile: { type: 'string', multiple: true },
  'qemu-tree': { type: 'string' },
  devices: { type: 'string', multiple: true },
  'reference-devices': { type: 'string', multiple: true },
  ...REPORT_OPTIONS,
} as const;

/** What every comparison of a run shares: the reference, the device options, the tree, the version asked. */
interface QemuRun {
  readonly host: ReadHost;
  readonly references: ReferenceSource;
  readonly flavor: string;
  readonly version?: string;
  readonly tree?: QemuTree;
  readonly deviceOptions: readonly DeviceOption[];
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const output = reportOutputOf(values);
  const arches = parseArches(values.arch);
  const version = values['qemu-version'];
  if (version !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(version)) throw new UsageError(`--qemu-version must look like 11.0 or 11.0.1; got '${version}'`);
  if (positionals.length === 0) throw new UsageError('no CANDIDATE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const deviceOptions = parseDeviceOptions(values.devices);
  const tree = values['qemu-tree'] ? await loadQemuTree(values['qemu-tree'], host) : undefined;
  const referenceDevices = values['reference-devices'] ? await loadReferenceDevices(values['reference-devices'], host) : undefined;
  const references = await referenceSource(values.reference ?? 'kata', host, referenceDevices);
  const context: QemuRun = { host, references, flavor: values.flavor, deviceOptions, ...(version ? { version } : {}), ...(tree ? { tree } : {}) };
  const candidateOptions = {
    arches,
    macroFiles: values.load ?? [],
    defines: parseDefines(values.define),
    with: values.with ?? [],
    without: values.without ?? [],
    ...(values.vendor !== undefined ? { vendor: values.vendor } : {}),
    profiles: values.profile ?? [],
    ...(values.build !== undefined ? { build: values.build } : {}),
    deviceOptions: tree !== undefined || deviceOptions.length > 0,
  };
  const reports: Report[] = [];
  for (const path of positionals) {
    const candidate = await loadQemuCandidate(path, host, candidateOptions);
    if (candidate.kind === 'recipe') {
      // Debian's source tree (apt-get source qemu) is QEMU's tree too: its Kconfig decides the devices.
      const own = tree ? undefined : await ownQemuTree(candidate.readings[0]?.source, host);
      const recipeRun = own ? { ...context, tree: own } : context;
      for (const reading of candidate.readings) {
        const choice = chooseQemuBuild(reading, values.build);
        const input = { build: choice.build, ...(reading.version ? { version: reading.version } : {}), ...(reading.patchedOptions?.length ? { patchedOptions: reading.patchedOptions } : {}) };
        const report = await compareBuild(recipeRun, reading.arch, input);
        const notes = [...reading.diagnostics, ...(choice.note ? [choice.note] : [])];
        reports.push({ ...report, candidate: { ...report.candidate, build: choice.build.id }, diagnostics: [...notes, ...report.diagnostics] });
      }
      continue;
    }
    for (const arch of arches.length ? arches : [('arch' in candidate ? candidate.arch : undefined) ?? 'x86_64']) {
      reports.push(await compareOne(context, candidate, arch));
    }
  }
  return writeReports(reports, output, io);
}

/** The QEMU tree debian/rules sits in (`apt-get source qemu` unpacks both): where Kconfig is next to debian/. */
async function ownQemuTree(recipe: string | undefined, host: ReadHost): Promise<QemuTree | undefined> {
  if (!recipe || basename(recipe) !== 'rules') return undefined;
  const root = dirname(dirname(recipe));
  return (await host.kind(join(root, 'Kconfig'))) === 'file' ? loadQemuTree(root, host) : undefined;
}

async function compareOne(context: QemuRun, candidate: Exclude<QemuCandidate, { kind: 'recipe' }>, arch: string): Promise<Report> {
  if (candidate.kind === 'binary') return withLints(compareQemuBinary(await context.references.at(arch, context.flavor), candidate.help), context.references);
  if (candidate.kind === 'flags') return compareBuild(context, arch, { build: candidate.build });
  // `kata` is Kata's build evaluated for a QEMU version: the one given, else the tree's; a checkout is
  // read again for that version, the built-in data are checked against its vocabulary.
  const kataVersion = context.version ?? context.tree?.version;
  const reference = await context.references.at(arch, context.flavor, kataVersion);
  return compareBuild(context, arch, { build: reference.build, version: reference.version }, reference, kataVersion);
}

/** A configure invocation against the reference, with its device layer when a tree or device files are given. */
async function compareBuild(context: QemuRun, arch: string, input: Pick<QemuBuildCandidate, 'build' | 'version' | 'patchedOptions'>, given?: QemuReference, kataVersion?: string): Promise<Report> {
  const reference = given ?? (await context.references.at(arch, context.flavor));
  const { tree, host, deviceOptions } = context;
  const devices = await loadCandidateDevices(input.build, arch, deviceOptions, host, tree);
  const candidate: QemuBuildCandidate = { ...input, ...(devices ? { devices } : {}), ...(tree ? { tree } : {}) };
  const versions = kataVersion ? { version: kataVersion, referenceVersion: kataVersion } : context.version ? { version: context.version } : {};
  return withLints(compareQemu(reference, candidate, versions), context.references);
}

/** A Kata checkout read live brings its own problems (FD410, FD411, FD3xx) into each report. */
function withLints(report: Report, references: ReferenceSource): Report {
  return references.diagnostics.length ? { ...report, diagnostics: [...references.diagnostics, ...report.diagnostics] } : report;
}

interface ReferenceSource {
  /** The reference for an arch and flavour; `version` re-reads a Kata checkout for another QEMU. */
  at(arch: string, flavor: string, version?: string): Promise<QemuReference>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `--reference`: `kata` (built in), `kata-1.x`, a Kata checkout read live, or a flags file (a
 * configure-hypervisor.sh -d dump) that replaces Kata's options and keeps the built-in devices,
 * verify lists and machine type. `--reference-devices` replaces the device lines of any of them.
 */
async function referenceSource(reference: string, host: ReadHost, devices: QemuReference['deviceSymbols']): Promise<ReferenceSource> {
  const { kataQemuReference } = await import('../knowledge/kata-qemu-profile.js');
  const withDevices = (r: QemuReference): QemuReference => (devices ? { ...r, deviceSymbols: devices } : r);
  if (!(await isKataReference(reference, host))) {
    const text = decodeInput(await host.readFile(reference, DEFAULT_LIMITS.maxBytes), reference);
    return {
      at: async (arch, flavor) => {
        const builtIn = orUsageError(() => kataQemuReference(arch, flavor));
        return withDevices({ ...builtIn, name: 'reference', source: reference, build: readFlags(text, reference, { id: 'reference', arch }) });
      },
      diagnostics: [],
    };
  }
  const read = (qemuVersion?: string) => loadKataSource(reference, host, { for: 'qemu', ...(qemuVersion ? { qemuVersion } : {}) });
  const pinned = await read();
  const live = new Map<string, Promise<KataSource>>();
  return {
    at: async (arch, flavor, version) => {
      // Only a checkout can be evaluated for another QEMU; the built-in data are what the pin gave.
      const source = version && pinned.live && version !== pinned.qemu?.qemuVersion ? await cached(live, version, () => read(version)) : pinned;
      if (!source.qemu) throw new UsageError(`${reference} does not say which QEMU it builds; pass --qemu-version`);
      return withDevices(orUsageError(() => kataQemuReferenceOf(source.qemu!, arch, flavor, source.name)));
    },
    diagnostics: pinned.live ? [...pinned.diagnostics, ...(pinned.qemu?.lints ?? [])] : [],
  };
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) map.set(key, (value = load()));
  return value;
}
