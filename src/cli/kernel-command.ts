/** `flagdiff kernel`: kernel configs against Kata's guest-kernel requirements or given fragments. */
import { compareKernel } from '../compare/compare-kernel.js';
import type { Arch } from '../model/arch.js';
import type { ConfigSet } from '../model/config-set.js';
import { profileFromConfig } from '../model/profile-from-config.js';
import type { Report } from '../model/report.js';
import type { Profile } from '../model/requirement.js';
import { loadFragments, loadKconfig } from '../readers/kconfig/load-kconfig.js';
import { UsageError } from './io.js';
import type { CliIo } from './io.js';
import { nodeHost } from './node-host.js';
import { COMMON_OPTIONS, FAIL_ON, REPORT_OPTIONS, oneOf, parseArches, parseCommand } from './options.js';
import { FORMATS } from './render-document.js';
import { writeReports } from './write-reports.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  reference: { type: 'string', short: 'r', multiple: true },
  arch: { type: 'string', multiple: true },
  flavor: { type: 'string', default: 'plain' },
  modules: { type: 'boolean' },
  ...REPORT_OPTIONS,
} as const;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const format = oneOf('format', values.format, FORMATS);
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON);
  const arches = parseArches(values.arch);
  if (positionals.length === 0) throw new UsageError('no CANDIDATE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const references = values.reference ?? ['kata'];
  const builtIn = references.length === 1 && references[0] === 'kata';
  const fragments = builtIn ? undefined : await loadFragments(references, host);

  const builtIns = new Map<Arch, Profile>();
  const kata = builtIn ? await import('../knowledge/kata-kernel-profile.js') : undefined;
  const compared: Array<{ profile: Profile; candidate: ConfigSet; report: Report }> = [];
  for (const path of positionals) {
    const candidate = await loadKconfig(path, host);
    const archesFor = arches.length ? arches : candidate.meta.arch ? [candidate.meta.arch as Arch] : [];
    if (builtIn && archesFor.length === 0) {
      throw new UsageError(`cannot tell which architecture ${path} is for (no "# Linux/<arch> ... Kernel Configuration" header); pass --arch`);
    }
    for (const arch of archesFor.length ? archesFor : [undefined]) {
      const profile = fragments
        ? referenceProfile(fragments, references, arch)
        : (builtIns.get(arch!) ?? builtIns.set(arch!, builtInProfile(kata!, arch!, values.flavor)).get(arch!)!);
      compared.push({ profile, candidate, report: compareKernel(profile, candidate, { modules: values.modules === true }) });
    }
  }

  const reports = compared.map((c) => c.report);
  const sides = async () => {
    const { diffSides } = await import('../compare/diff-sides.js');
    return compared.map((c) => diffSides(c.profile, c.candidate));
  };
  return writeReports(reports, { format, failOn, output: values.output, color: values.color, quiet: values.quiet, waivers: values.waivers, sides }, io);
}

type Knowledge = typeof import('../knowledge/kata-kernel-profile.js');

function builtInProfile(kata: Knowledge, arch: Arch, flavor: string): Profile {
  const flavors = kata.kataKernelFlavors(arch);
  if (!flavors.includes(flavor)) throw new UsageError(`the built-in Kata profile has no ${flavor} flavour for ${arch}; it has ${flavors.join(', ')}`);
  return kata.kataKernelProfile(arch, flavor);
}

function referenceProfile(fragments: ConfigSet, references: readonly string[], arch: Arch | undefined): Profile {
  return profileFromConfig(fragments, { name: 'reference', source: references.join(', '), ...(arch ? { arch } : {}) });
}
