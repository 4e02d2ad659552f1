/**
 * Where `flagdiff check` looks for this machine's kernel config and QEMU: the running kernel's
 * config (`/proc/config.gz` with CONFIG_IKCONFIG_PROC, else the distro's copy under /boot or
 * /lib/modules), and `qemu-system-<arch>` on PATH, then where distros and Kata install it.
 */
import { existsSync, statSync } from 'node:fs';
import { arch as nodeArch, machine, release } from 'node:os';
import { delimiter, join } from 'node:path';
import type { HostInput } from '../model/report.js';

/** What the search needs from the machine, injected so tests can describe any machine. */
export interface HostProbe {
  /** uname -m (`x86_64`, `aarch64`, ...). */
  readonly machine: string;
  /** uname -r. */
  readonly release: string;
  readonly path: string;
  /** Where the fixed places are looked for: `/` on a real host. */
  readonly root: string;
  isFile(path: string): boolean;
}

export function nodeProbe(env: Readonly<Record<string, string | undefined>>): HostProbe {
  return {
    // os.machine() is uname -m; os.arch() is Node's own name (x64), a fallback for old runtimes.
    machine: typeof machine === 'function' ? machine() : nodeArch(),
    release: release(),
    path: env.PATH ?? '',
    root: '/',
    isFile: (path) => existsSync(path) && statSync(path).isFile(),
  };
}

/** QEMU names its system emulators by target, not by uname (ppc64le runs qemu-system-ppc64). */
const QEMU_TARGET: Readonly<Record<string, string>> = { ppc64le: 'ppc64', i686: 'i386' };

export function findKernelConfig(probe: HostProbe): HostInput {
  const places = ['proc/config.gz', `boot/config-${probe.release}`, `lib/modules/${probe.release}/config`].map((p) => join(probe.root, p));
  return firstFound('kernel config', places, probe);
}

export function findQemu(probe: HostProbe): HostInput {
  const binary = `qemu-system-${QEMU_TARGET[probe.machine] ?? probe.machine}`;
  const onPath = probe.path.split(delimiter).filter(Boolean).map((dir) => join(dir, binary));
  return firstFound('QEMU binary', [...onPath, join(probe.root, 'usr/libexec/qemu-kvm'), join(probe.root, `opt/kata/bin/${binary}`)], probe);
}

/** The first place that has the file; `looked` lists each place once, up to that one. */
function firstFound(what: string, places: readonly string[], probe: HostProbe): HostInput {
  const looked: string[] = [];
  for (const place of new Set(places)) {
    looked.push(place);
    if (probe.isFile(place)) return { what, path: place, looked };
  }
  return { what, path: null, looked };
}
