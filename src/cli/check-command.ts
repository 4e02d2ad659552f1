/** `flagdiff check`: this machine's kernel config and QEMU binary, against the built-in Kata references. */
import { compareKernel } from '../compare/compare-kernel.js';
import { compareQemuBinary } from '../compare/compare-qemu-binary.js';
import { isArch } from '../model/arch.js';
import { InputError } from '../model/diagnostic.js';
import type { HostCheck, HostInput, Report } from '../model/report.js';
import { loadKconfig } from '../readers/kconfig/load-kconfig.js';
import { readQemuHelp } from '../readers/qemu/read-qemu-help.js';
import { findKernelConfig, findQemu, nodeProbe } from './find-host-files.js';
import type { HostProbe } from './find-host-files.js';
import { EXIT, UsageError } from './io.js';
import type { CliIo } from './io.js';
import { builtInProfile, moduleOptions } from './kernel-command.js';
import { nodeHost } from './node-host.js';
import { COMMON_OPTIONS, REPORT_OPTIONS, parseCommand } from './options.js';
import { probeQemuBinary } from './qemu-probe.js';
import { reportOutputOf, writeReports } from './write-reports.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  flavor: { type: 'string', default: 'plain' },
  modules: { type: 'boolean' },
  'initramfs-modules': { type: 'string', multiple: true },
  ...REPORT_OPTIONS,
} as const;


export async function run(args: readonly string[], io: CliIo, probe: HostProbe = nodeProbe(io.env)): Promise<number> {
  const { values, positionals } = parseCommand(args, OPTIONS);
  const output = reportOutputOf(values);
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
    inputs[0] = { ...kernel, note: 'compared with the built-in Kata profile' };
  }
  if (qemu.path && arch) {
    const compared = await compareHostQemu(qemu.path, arch);
    if ('report' in compared) reports.push(compared.report);
    inputs.push({ ...qemu, note: compared.note });
  } else {
    inputs.push(qemu);
  }

  const check: HostCheck = { arch: probe.machine, release: probe.release, inputs };
  const code = await writeReports(reports, { ...output, host: check }, io);
  if (!arch) return trouble(io, `Kata builds no guest for ${probe.machine}; nothing compared`);
  if (!kernel.path) return trouble(io, `no kernel config found (looked at ${kernel.looked.join(', ')}); nothing compared`);
  return code;
}

/**
 * The binary against Kata's QEMU reference, as `flagdiff qemu BINARY` compares it (its -device,
 * -machine and -object help). A binary that cannot be run is said so; the kernel report still counts.
 */
async function compareHostQemu(path: string, arch: string): Promise<{ report: Report; note: string } | { note: string }> {
  const kata = await import('../knowledge/kata-qemu-profile.js');
  if (!kata.kataQemuArches().includes(arch)) return { note: `not compared: the built-in Kata QEMU reference has no ${arch} build` };
  try {
    const help = readQemuHelp(probeQemuBinary(path), path);
    return { report: compareQemuBinary(kata.kataQemuReference(arch), help), note: 'compared with the built-in Kata QEMU reference: its -device, -machine and -object help' };
  } catch (error) {
    if (error instanceof InputError) return { note: `not compared: ${error.diagnostic.message}` };
    throw error;
  }
}

function trouble(io: CliIo, message: string): number {
  io.stderr.write(`flagdiff check: ${message}\n`);
  return EXIT.trouble;
}
