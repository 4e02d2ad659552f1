/**
 * The Kata reference of `kernel` and `show`: the built-in profiles (`kata`, and `kata-1.x` for QEMU),
 * or a Kata checkout read live (`--reference <checkout>`). Loaded lazily: the built-in data is large.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { ReadHost } from '../readers/host.js';
import type { KataKernelData } from '../readers/kata/read-kata-kernel.js';
import type { KataQemuData } from '../readers/kata/read-kata-qemu.js';
import { UsageError } from './io.js';

export interface KataSource {
  /** `kata`, `kata-1.x`, or the checkout's path. */
  readonly name: string;
  readonly kernel?: KataKernelData;
  readonly qemu?: KataQemuData;
  /** Read from a checkout now, rather than shipped: its lints and reading problems are reported. */
  readonly live: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export interface KataSourceOptions {
  readonly qemuVersion?: string;
  readonly kernelVersion?: string;
  /** The domain needed: a checkout is read only for it. */
  readonly for: 'kernel' | 'qemu';
}

const BUILT_IN = ['kata', 'kata-1.x'];
const CHECKOUT_MARKERS = ['tools/packaging/scripts/configure-hypervisor.sh', 'scripts/configure-hypervisor.sh'];

/** Whether a path names Kata: a built-in profile or a checkout. */
export async function isKataReference(reference: string, host: ReadHost): Promise<boolean> {
  if (BUILT_IN.includes(reference)) return true;
  if ((await host.kind(reference)) !== 'directory') return false;
  for (const marker of CHECKOUT_MARKERS) if ((await host.kind(`${reference}/${marker}`)) === 'file') return true;
  return false;
}

export async function loadKataSource(reference: string, host: ReadHost, options: KataSourceOptions): Promise<KataSource> {
  if (BUILT_IN.includes(reference)) {
    if (options.for === 'kernel') {
      if (reference !== 'kata') return { name: reference, live: false, diagnostics: [] };
      const { kataKernelData } = await import('../knowledge/kata-kernel-profile.js');
      return { name: reference, kernel: kataKernelData(), live: false, diagnostics: [] };
    }
    const { kataQemuData } = await import('../knowledge/kata-qemu-profile.js');
    const qemu = kataQemuData(reference);
    if (options.qemuVersion && options.qemuVersion !== qemu.qemuVersion) {
      throw new UsageError(`the built-in ${reference} profile is evaluated for QEMU ${qemu.qemuVersion}; to evaluate Kata's script for QEMU ${options.qemuVersion}, give --reference <kata checkout>`);
    }
    return { name: reference, qemu, live: false, diagnostics: [] };
  }
  const { readKataReference } = await import('../readers/kata/read-kata-reference.js');
  const read = await readKataReference(reference, host, {
    ...(options.qemuVersion ? { qemuVersion: options.qemuVersion } : {}),
    ...(options.kernelVersion ? { kernelVersion: options.kernelVersion } : {}),
    read: { kernel: options.for === 'kernel', qemu: options.for === 'qemu' },
  });
  return { name: reference, ...(read.kernel ? { kernel: read.kernel } : {}), ...(read.qemu ? { qemu: read.qemu } : {}), live: true, diagnostics: read.diagnostics };
}

/** Runs `build`, turning the RangeError a reader throws for an arch or flavour Kata does not build into a usage error. */
export function orUsageError<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}
