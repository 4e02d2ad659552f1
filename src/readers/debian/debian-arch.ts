/**
 * Debian's architecture names and the DEB_*_ARCH* variables debian/rules reads (through
 * /usr/share/dpkg/architecture.mk or `dpkg-architecture` itself), for a native build: build, host and
 * target are the same machine. A table of what dpkg-architecture 1.21 prints for the Linux arches
 * Debian ships, so that no dpkg needs to be installed (or run) where flagdiff reads a package.
 */
import { debianArchOf as debianArchOfUname, isArch } from '../../model/arch.js';

/** The `-a ARCH` output of dpkg-architecture for one arch; ARCH_LIBC is `gnu` and ARCH_OS `linux` for all. */
interface ArchRow {
  readonly abi: string;
  readonly bits: '32' | '64';
  readonly cpu: string;
  readonly endian: 'little' | 'big';
  readonly gnuCpu: string;
  readonly gnuSystem: string;
  readonly multiarch: string;
}

const row = (abi: string, bits: '32' | '64', cpu: string, endian: 'little' | 'big', gnuCpu: string, gnuSystem = 'linux-gnu', multiarch?: string): ArchRow => ({
  abi,
  bits,
  cpu,
  endian,
  gnuCpu,
  gnuSystem,
  multiarch: multiarch ?? `${gnuCpu}-${gnuSystem}`,
});

const ARCHES: Readonly<Record<string, ArchRow>> = {
  amd64: row('base', '64', 'amd64', 'little', 'x86_64'),
  arm64: row('base', '64', 'arm64', 'little', 'aarch64'),
  armel: row('eabi', '32', 'arm', 'little', 'arm', 'linux-gnueabi'),
  armhf: row('eabihf', '32', 'arm', 'little', 'arm', 'linux-gnueabihf'),
  i386: row('base', '32', 'i386', 'little', 'i686', 'linux-gnu', 'i386-linux-gnu'),
  loong64: row('base', '64', 'loong64', 'little', 'loongarch64'),
  mips64el: row('abi64', '64', 'mips64el', 'little', 'mips64el', 'linux-gnuabi64'),
  powerpc: row('base', '32', 'powerpc', 'big', 'powerpc'),
  ppc64: row('base', '64', 'ppc64', 'big', 'powerpc64'),
  ppc64el: row('base', '64', 'ppc64el', 'little', 'powerpc64le'),
  riscv64: row('base', '64', 'riscv64', 'little', 'riscv64'),
  s390x: row('base', '64', 's390x', 'big', 's390x'),
  sparc64: row('base', '64', 'sparc64', 'big', 'sparc64'),
};

/** The Debian arches this module knows, in the table's order. */
export const DEBIAN_ARCHES: readonly string[] = Object.keys(ARCHES);

/** uname machine names that are not flagdiff's own arches (model/arch.ts) and name one Debian arch. */
const UNAME: Readonly<Record<string, string>> = { i386: 'i386', i486: 'i386', i586: 'i386', i686: 'i386', loongarch64: 'loong64' };

/**
 * The Debian arch of a flagdiff (uname) arch name (`x86_64` → `amd64`); a Debian name stays as it is.
 * `undefined` where the name is unknown or ambiguous (`armv7l` runs both armel and armhf).
 */
export function debianArchOf(arch: string): string | undefined {
  if (isArch(arch)) return debianArchOfUname(arch);
  if (arch in ARCHES) return arch;
  return UNAME[arch];
}

/** The (abi, libc, os, cpu) tuple dpkg matches arch wildcards against (`any-arm`, `linux-any`). */
export function debianArchTuple(debianArch: string): readonly [string, string, string, string] | undefined {
  const entry = ARCHES[debianArch];
  return entry && [entry.abi, 'gnu', 'linux', entry.cpu];
}

/**
 * What `dpkg-architecture -a ARCH` prints for a native build on ARCH: DEB_BUILD_*, DEB_HOST_* and
 * DEB_TARGET_* with the same values; `undefined` for an arch not in the table.
 */
export function dpkgArchitectureVariables(debianArch: string): Record<string, string> | undefined {
  const entry = ARCHES[debianArch];
  if (!entry) return undefined;
  const values: Record<string, string> = {
    ARCH: debianArch,
    ARCH_ABI: entry.abi,
    ARCH_BITS: entry.bits,
    ARCH_CPU: entry.cpu,
    ARCH_ENDIAN: entry.endian,
    ARCH_LIBC: 'gnu',
    ARCH_OS: 'linux',
    GNU_CPU: entry.gnuCpu,
    GNU_SYSTEM: entry.gnuSystem,
    GNU_TYPE: `${entry.gnuCpu}-${entry.gnuSystem}`,
    MULTIARCH: entry.multiarch,
  };
  const variables: Record<string, string> = {};
  for (const machine of ['BUILD', 'HOST', 'TARGET']) {
    for (const [name, value] of Object.entries(values)) variables[`DEB_${machine}_${name}`] = value;
  }
  return variables;
}
