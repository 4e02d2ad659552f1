/**
 * Asks a qemu-system binary what it contains. It is run with exactly `-device help`, `-machine help`
 * and `-object help` (no shell, no other argument, a short timeout, a capped output) and its output
 * is treated as untrusted text by the reader.
 */
import { execFileSync } from 'node:child_process';
import { InputError, diagnostic } from '../model/diagnostic.js';
import type { QemuHelpTexts } from '../readers/qemu/read-qemu-help.js';

const LIMITS = { timeout: 15_000, maxBuffer: 8 * 1024 * 1024 } as const;

export function probeQemuBinary(path: string): QemuHelpTexts {
  const ask = (what: 'device' | 'machine' | 'object'): string => {
    try {
      return execFileSync(path, [`-${what}`, 'help'], { ...LIMITS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin' } });
    } catch (error) {
      const reason = (error as { code?: string }).code ?? `exit status ${(error as { status?: number }).status ?? '?'}`;
      throw new InputError(diagnostic('FD173', `running it with -${what} help failed (${reason})`, { file: path, line: 0 }));
    }
  };
  return { device: ask('device'), machine: ask('machine'), object: ask('object') };
}

/**
 * `qemu-system-x86_64` → `x86_64`; `ppc64` is built for ppc64le hosts. RHEL's `qemu-kvm` has no arch in
 * its name: it emulates the machine it is built for, which is taken to be this one.
 */
export function archOfBinary(path: string, hostArch: string = HOST_ARCH[process.arch] ?? process.arch): string | undefined {
  const name = /qemu-system-([\w]+)$/.exec(path)?.[1];
  if (name === undefined) return /(^|\/)qemu-kvm$/.test(path) ? hostArch : undefined;
  return name === 'ppc64' ? 'ppc64le' : name;
}

/** Node's process.arch as uname names it. */
const HOST_ARCH: Readonly<Record<string, string>> = { x64: 'x86_64', arm64: 'aarch64', s390x: 's390x', ppc64: 'ppc64le', riscv64: 'riscv64' };
