/** `flagdiff kernel`: kernel configs against Kata's guest-kernel requirements (built in, or a checkout's) or given fragments. */
import { compareKernel } from '../compare/compare-kernel.js';
import type { Arch } from '../model/arch.js';
import type { ConfigSet } from '../model/config-set.js';
import { profileFromConfig } from '../model/profile-from-config.js';
import type { Report } from '../model/report.js';
import type { Profile } from '../model/requirement.js';
import { severityRank } from '../model/severity.js';
import { kataKernelRequirements } from '../readers/kata/kernel-requirements.js';
import { loadFragments, loadKconfig } from '../readers/kconfig/load-kconfig.js';
import { formatJson } from '../report/format-json.js';
import { formatText } from '../report/format-text.js';
import { createReportDocument } from '../report/report-document.js';
import { chooseStyle } from './color.js';
import { EXIT, UsageError } from './io.js';
import type { CliIo } from './io.js';
import { isKataReference, loadKataSource, orUsageError } from './kata-source.js';
import { nodeHost } from './node-host.js';
import { COMMON_OPTIONS, FAIL_ON, oneOf, parseArches, parseCommand } from './options.js';
import type { FailOn } from './options.js';
import { writeOutput } from './write-output.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  reference: { type: 'string', short: 'r', multiple: true },
  arch: { type: 'string', multiple: true },
  flavor: { type: 'string', default: 'plain' },
  'kernel-version': { type: 'string' },
  modules: { type: 'boolean' },
  'fail-on': { type: 'string', default: 'error' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const format = oneOf('format', values.format, ['text', 'json']);
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON);
  const arches = parseArches(values.arch);
  if (positionals.length === 0) throw new UsageError('no CANDIDATE given');

  const host = nodeHost(io.stdin ? { stdin: io.stdin } : {});
  const references = values.reference ?? ['kata'];
  const kataName = references.length === 1 && (await isKataReference(references[0]!, host)) ? references[0]! : undefined;
  const kata = kataName ? await loadKataSource(kataName, host, { for: 'kernel', ...(values['kernel-version'] ? { kernelVersion: values['kernel-version'] } : {}) }) : undefined;
  if (kata && !kata.kernel) throw new UsageError(`the ${kata.name} reference has no guest-kernel profile (it is for QEMU)`);
  const fragments = kata ? undefined : await loadFragments(references, host);

  const profiles = new Map<Arch, Profile>();
  const reports: Report[] = [];
  for (const path of positionals) {
    const candidate = await loadKconfig(path, host);
    const archesFor = arches.length ? arches : candidate.meta.arch ? [candidate.meta.arch as Arch] : [];
    if (kata && archesFor.length === 0) {
      throw new UsageError(`cannot tell which architecture ${path} is for (no "# Linux/<arch> ... Kernel Configuration" header); pass --arch`);
    }
    for (const arch of archesFor.length ? archesFor : [undefined]) {
      const profile = fragments
        ? referenceProfile(fragments, references, arch)
        : (profiles.get(arch!) ?? profiles.set(arch!, orUsageError(() => kataKernelRequirements(kata!.kernel!, arch!, values.flavor, values['kernel-version']))).get(arch!)!);
      const report = compareKernel(profile, candidate, { modules: values.modules === true });
      // A checkout read live is what the user is checking too: its lints and reading problems belong in the report.
      reports.push(kata?.live ? { ...report, diagnostics: [...report.diagnostics, ...kata.diagnostics, ...kata.kernel!.lints] } : report);
    }
  }

  const document = createReportDocument(reports);
  if (format === 'json') {
    await writeOutput(formatJson(document), io, values.output);
  } else {
    const style = values.output ? undefined : await chooseStyle(io, values.color);
    await writeOutput(formatText(document, { ...(style ? { style } : {}), quiet: values.quiet === true }), io, values.output);
  }
  return failed(reports, failOn) ? EXIT.findings : EXIT.ok;
}

function referenceProfile(fragments: ConfigSet, references: readonly string[], arch: Arch | undefined): Profile {
  return profileFromConfig(fragments, { name: 'reference', source: references.join(', '), ...(arch ? { arch } : {}) });
}

function failed(reports: readonly Report[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severityRank(failOn);
  return reports.some((report) => report.findings.some((finding) => severityRank(finding.severity) >= threshold));
}
