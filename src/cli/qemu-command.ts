/** `flagdiff qemu`: a QEMU build (flags file, meson -D list, qemu-system binary) against Kata's. */
import { compareQemu } from '../compare/compare-qemu.js';
import { compareQemuBinary } from '../compare/compare-qemu-binary.js';
import type { QemuReference } from '../model/qemu-reference.js';
import type { Report } from '../model/report.js';
import { DEFAULT_LIMITS, decodeInput } from '../readers/decode-input.js';
import type { ReadHost } from '../readers/host.js';
import { archOfTargets } from '../readers/qemu/normalize-build.js';
import { readFlags } from '../readers/qemu/read-flags.js';
import { loadQemuTree } from '../readers/qemu/load-qemu-tree.js';
import { readQemuHelp } from '../readers/qemu/read-qemu-help.js';
import { loadCandidateDevices, loadReferenceDevices, parseDeviceOptions } from './device-options.js';
import { UsageError } from './io.js';
import type { CliIo } from './io.js';
import { nodeHost } from './node-host.js';
import { FORMATS } from './render-document.js';
import { writeReports } from './write-reports.js';
import { COMMON_OPTIONS, FAIL_ON, REPORT_OPTIONS, oneOf, parseArches, parseCommand } from './options.js';
import { archOfBinary, probeQemuBinary } from './qemu-probe.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  reference: { type: 'string', short: 'r' },
  arch: { type: 'string', multiple: true },
  'qemu-version': { type: 'string' },
  build: { type: 'string' },
  'qemu-tree': { type: 'string' },
  devices: { type: 'string', multiple: true },
  'reference-devices': { type: 'string', multiple: true },
  ...REPORT_OPTIONS,
} as const;

const ELF = [0x7f, 0x45, 0x4c, 0x46];

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const format = oneOf('format', values.format, FORMATS);
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON);
  const arches = parseArches(values.arch);
  const version = values['qemu-version'];
  if (version !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(version)) throw new UsageError(`--qemu-version must look like 11.0 or 11.0.1; got '${version}'`);
  if (positionals.length === 0) throw new UsageError('no CANDIDATE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const deviceOptions = parseDeviceOptions(values.devices);
  const tree = values['qemu-tree'] ? await loadQemuTree(values['qemu-tree'], host) : undefined;
  const referenceDevices = values['reference-devices'] ? await loadReferenceDevices(values['reference-devices'], host) : undefined;
  const reports: Report[] = [];
  for (const path of positionals) {
    if (path.endsWith('.spec')) throw new UsageError(`${path}: reading spec files needs the rpm reader, which this build does not have yet; pass the build's configure options as a flags file`);
    if (values.build !== undefined) throw new UsageError('--build picks one invocation of a recipe with several; a flags file or a binary has one');
    const candidate = await loadCandidate(path, host, tree !== undefined || deviceOptions.length > 0);
    const archesFor = arches.length ? arches : [candidate.arch ?? 'x86_64'];
    for (const arch of archesFor) {
      const builtIn = await referenceFor(values.reference, arch, host);
      const reference = referenceDevices ? { ...builtIn, deviceSymbols: referenceDevices } : builtIn;
      if (candidate.kind === 'binary') {
        reports.push(compareQemuBinary(reference, candidate.help));
        continue;
      }
      const build = candidate.kind === 'kata' ? reference.build : candidate.build;
      const devices = await loadCandidateDevices(build, arch, deviceOptions, host, tree);
      const input = { build, ...(devices ? { devices } : {}), ...(tree ? { tree } : {}) };
      // `kata` is Kata's build evaluated for a QEMU version: the one given, else the tree's.
      const kataVersion = version ?? tree?.version;
      if (candidate.kind === 'kata') reports.push(compareQemu(reference, input, kataVersion ? { version: kataVersion, referenceVersion: kataVersion } : {}));
      else reports.push(compareQemu(reference, input, version ? { version } : {}));
    }
  }

  return writeReports(reports, { format, failOn, output: values.output, color: values.color, quiet: values.quiet, waivers: values.waivers }, io);
}

type Candidate =
  | { readonly kind: 'kata'; readonly arch?: string }
  | { readonly kind: 'binary'; readonly arch?: string; readonly help: ReturnType<typeof readQemuHelp> }
  | { readonly kind: 'flags'; readonly arch?: string; readonly build: ReturnType<typeof readFlags> };

async function loadCandidate(path: string, host: ReadHost, deviceOptions: boolean): Promise<Candidate> {
  if (path === 'kata') return { kind: 'kata' };
  const bytes = await host.readFile(path, DEFAULT_LIMITS.maxBytes);
  if (ELF.every((b, i) => bytes[i] === b)) {
    if (deviceOptions) throw new UsageError('--qemu-tree and --devices describe a build; a binary says what it has in its help output');
    const arch = archOfBinary(path);
    return { kind: 'binary', ...(arch ? { arch } : {}), help: readQemuHelp(probeQemuBinary(path), path) };
  }
  const build = readFlags(decodeInput(bytes, path), path);
  const arch = archOfTargets(build.argv.find((a) => a.text.startsWith('--target-list='))?.text.slice(14));
  return { kind: 'flags', ...(arch ? { arch } : {}), build };
}

async function referenceFor(reference: string | undefined, arch: string, host: ReadHost): Promise<QemuReference> {
  const kata = await import('../knowledge/kata-qemu-profile.js');
  if (!kata.kataQemuArches().includes(arch)) throw new UsageError(`the built-in Kata QEMU reference has no ${arch} build; it has ${kata.kataQemuArches().join(', ')}`);
  const builtIn = kata.kataQemuReference(arch);
  if (reference === undefined || reference === 'kata') return builtIn;
  // A reference flags file (e.g. configure-hypervisor.sh -d output) replaces Kata's options; the
  // devices, objects and machine type stay the built-in ones.
  const build = readFlags(decodeInput(await host.readFile(reference, DEFAULT_LIMITS.maxBytes), reference), reference, { id: 'reference', arch });
  return { ...builtIn, name: 'reference', source: reference, build };
}
