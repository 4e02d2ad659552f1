/** A Kata checkout read live, as `--reference <checkout>` does: its kernel fragments and its QEMU build. */
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import type { ReadHost } from '../host.js';
import type { KataLayout } from './kata-layout.js';
import { bareVersion, findKataLayout, readHeadCommit, readText, yamlValue } from './kata-layout.js';
import type { KataKernelData } from './read-kata-kernel.js';
import { readKataKernel } from './read-kata-kernel.js';
import type { KataQemuData } from './read-kata-qemu.js';
import { readKataQemu } from './read-kata-qemu.js';

export interface KataReference {
  readonly layout: KataLayout;
  /** Absent when not asked for. */
  readonly kernel?: KataKernelData;
  /** Absent when not asked for, or when the QEMU version is not known (Kata 1.x without `qemuVersion`): FD112 says so. */
  readonly qemu?: KataQemuData;
  readonly diagnostics: readonly Diagnostic[];
}

export interface KataReferenceOptions {
  /** Overrides the pinned versions (Kata 1.x pins them in another repository). */
  readonly qemuVersion?: string;
  readonly kernelVersion?: string;
  /** The commit, when .git cannot tell (a worktree, an exported tree). */
  readonly commit?: string;
  /** What to read; both by default. */
  readonly read?: { readonly kernel?: boolean; readonly qemu?: boolean };
}

export async function readKataReference(root: string, host: ReadHost, options: KataReferenceOptions = {}): Promise<KataReference> {
  const layout = await findKataLayout(root, host);
  const diagnostics: Diagnostic[] = [];
  const versions = layout.versionsFile && (await host.kind(`${root}/${layout.versionsFile}`)) === 'file' ? await readText(host, root, layout.versionsFile) : '';
  const commit = options.commit ?? (await readHeadCommit(root, host)) ?? 'unknown';
  const kernelVersion = options.kernelVersion ?? bareVersion(yamlValue(versions, 'assets.kernel.version'));
  const qemuVersion = options.qemuVersion ?? bareVersion(yamlValue(versions, 'assets.hypervisor.qemu.version'));
  const unknownVersion = (what: string) =>
    diagnostics.push(diagnostic('FD112', `${layout.repository} does not say which ${what} it builds; pass --${what.toLowerCase()}-version`, { file: layout.versionsFile ?? root, line: 0 }));
  const { kernel: wantKernel = true, qemu: wantQemu = true } = options.read ?? {};
  if (!kernelVersion && wantKernel) unknownVersion('Kernel');
  if (!qemuVersion && wantQemu) unknownVersion('QEMU');
  const configFile = `${layout.kernelDir}/kata_config_version`;
  const configVersion = (await host.kind(`${root}/${configFile}`)) === 'file' ? (await readText(host, root, configFile)).trim() : 'unknown';
  const info = { repository: layout.repository, commit, root: layout.fragments, kernelVersion: kernelVersion ?? 'unknown', configVersion };
  const kernel = wantKernel ? await readKataKernel(`${root}/${layout.fragments}`, host, info) : undefined;
  const qemu = wantQemu && qemuVersion ? await readKataQemu(layout, host, { commit, qemuVersion }) : undefined;
  return { layout, ...(kernel ? { kernel } : {}), ...(qemu ? { qemu } : {}), diagnostics };
}
