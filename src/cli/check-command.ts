/** `flagdiff check`: this machine's kernel config and QEMU binary, against the built-in Kata profile. */
import { compareKernel } from '../compare/compare-kernel.js';
import { isArch } from '../model/arch.js';
import type { HostCheck, HostInput, Report } from '../model/report.js';
import { loadKconfig } from '../readers/kconfig/load-kconfig.js';
import { formatJson } from '../report/format-json.js';
import { formatText } from '../report/format-text.js';
import { createReportDocument } from '../report/report-document.js';
import { chooseStyle } from './color.js';
import { findKernelConfig, findQemu, nodeProbe } from './find-host-files.js';
import type { HostProbe } from './find-host-files.js';
import { EXIT, UsageError } from './io.js';
import type { CliIo } from './io.js';
import { builtInProfile, failed, moduleOptions } from './kernel-command.js';
import { nodeHost } from './node-host.js';
import { COMMON_OPTIONS, FAIL_ON, oneOf, parseCommand } from './options.js';
import { writeOutput } from './write-output.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  flavor: { type: 'string', default: 'plain' },
  modules: { type: 'boolean' },
  'initramfs-modules': { type: 'string', multiple: true },
  'fail-on': { type: 'string', default: 'error' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** Not compared yet: reading `qemu-system-* -device help` is the QEMU binary reader's work. */
const QEMU_NOT_COMPARED = 'not compared yet: reading its -device help is not implemented';

export async function run(args: readonly string[], io: CliIo, probe: HostProbe = nodeProbe(io.env)): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const format = oneOf('format', values.format, ['text', 'json']);
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON);
  if (positionals.length > 0) throw new UsageError(`check takes no CANDIDATE (it finds this host's files); for ${positionals[0]} use flagdiff kernel`);

  const host = nodeHost();
  const kernel = findKernelConfig(probe);
  const qemu = findQemu(probe);
  const arch = isArch(probe.machine) ? probe.machine : undefined;
  const reports: Report[] = [];
  const inputs: HostInput[] = [kernel];
  if (kernel.path && arch) {
    const candidate = await loadKconfig(kernel.path, host);
    const kata = await import('../knowledge/kata-kernel-profile.js');
    const modules = await moduleOptions(values.modules === true, values['initramfs-modules'] ?? [], host);
    const report = compareKernel(builtInProfile(kata, arch, values.flavor), candidate, modules.options);
    reports.push(modules.diagnostics.length ? { ...report, diagnostics: [...report.diagnostics, ...modules.diagnostics] } : report);
  }
  // The seam for the QEMU binary: once a reader of `-device help` exists, its report joins `reports` here.
  inputs.push(qemu.path ? { ...qemu, note: QEMU_NOT_COMPARED } : qemu);

  const check: HostCheck = { arch: probe.machine, release: probe.release, inputs };
  const document = createReportDocument(reports, check);
  if (format === 'json') {
    await writeOutput(formatJson(document), io, values.output);
  } else {
    const style = values.output ? undefined : await chooseStyle(io, values.color);
    await writeOutput(formatText(document, { ...(style ? { style } : {}), quiet: values.quiet === true }), io, values.output);
  }
  if (!arch) return trouble(io, `Kata builds no guest for ${probe.machine}; nothing compared`);
  if (!kernel.path) return trouble(io, `no kernel config found (looked at ${kernel.looked.join(', ')}); nothing compared`);
  return failed(reports, failOn) ? EXIT.findings : EXIT.ok;
}

function trouble(io: CliIo, message: string): number {
  io.stderr.write(`flagdiff check: ${message}\n`);
  return EXIT.trouble;
}
