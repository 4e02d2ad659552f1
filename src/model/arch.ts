/**
 * Architecture names. flagdiff speaks uname names (`x86_64`, `aarch64`, ...); kernel trees and Kata's
 * fragment directories use kernel names (build-kernel.sh `arch_to_kernel`).
 */

export const ARCHES = ['x86_64', 'aarch64', 's390x', 'ppc64le', 'riscv64'] as const;
export type Arch = (typeof ARCHES)[number];

const KERNEL_ARCH: Readonly<Record<Arch, string>> = {
  x86_64: 'x86_64',
  aarch64: 'arm64',
  s390x: 's390',
  ppc64le: 'powerpc',
  riscv64: 'riscv',
};

export function isArch(name: string): name is Arch {
  return (ARCHES as readonly string[]).includes(name);
}

const DEBIAN_ARCH: Readonly<Record<Arch, string>> = {
  x86_64: 'amd64',
  aarch64: 'arm64',
  s390x: 's390x',
  ppc64le: 'ppc64el',
  riscv64: 'riscv64',
};

/** Debian's and Ubuntu's name for the arch (`amd64`): their config directories and annotations keys. */
export function debianArchOf(arch: Arch): string {
  return DEBIAN_ARCH[arch];
}

/** The uname arch of a Debian arch name; `undefined` for arches Kata does not build (`i386`, `armhf`). */
export function archFromDebianArch(name: string): Arch | undefined {
  return ARCHES.find((arch) => DEBIAN_ARCH[arch] === name);
}

/** Kata's name for the arch: its fragment directory and `!tag` (aarch64 → arm64). */
export function kernelArchOf(arch: Arch): string {
  return KERNEL_ARCH[arch];
}

/** What a config says of the machine word, where the arch name alone is ambiguous. */
export interface WordFacts {
  readonly is64Bit?: boolean;
  readonly bigEndian?: boolean;
}

/**
 * The uname arch a kernel config is for, from the arch its header names (`Linux/x86`, Fedora's
 * `# x86_64`) and, where the header is ambiguous, the word size. `undefined` for arches Kata does not build.
 */
export function archFromKernelArch(declared: string, facts: WordFacts = {}): Arch | undefined {
  const { is64Bit, bigEndian } = facts;
  switch (declared) {
    case 'x86_64':
      return 'x86_64';
    case 'x86':
      return is64Bit === false ? undefined : 'x86_64';
    case 'arm64':
    case 'aarch64':
      return 'aarch64';
    case 's390':
    case 's390x':
      return 's390x';
    case 'powerpc':
    case 'ppc64le':
      return is64Bit === false || bigEndian === true ? undefined : 'ppc64le';
    case 'riscv':
    case 'riscv64':
      return is64Bit === false ? undefined : 'riscv64';
    default:
      return undefined;
  }
}
