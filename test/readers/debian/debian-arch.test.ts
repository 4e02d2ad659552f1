// dpkg-architecture as the oracle for the arch table. It computes DEB_BUILD_* from the machine it runs on,
// so `-a ARCH` gives the HOST and TARGET variables of ARCH, and BUILD is compared on this machine's own
// arch only; for the other arches BUILD_* equal HOST_* by construction (a native build).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEBIAN_ARCHES, debianArchOf, debianArchTuple, dpkgArchitectureVariables } from '../../../src/readers/debian/debian-arch.js';
import { debianTool } from '../../helpers/debian-packaging.js';

const dpkgArchitecture = debianTool('dpkg-architecture', 'dpkg-dev');

/** `dpkg-architecture -f ARGS` as a record; -f ignores DEB_* variables of the environment, stderr (the CC warning) is dropped. */
function dpkgArch(...args: string[]): Record<string, string> {
  const out = execFileSync(dpkgArchitecture.path!, ['-f', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Object.fromEntries(out.trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
}

const pick = (vars: Record<string, string>, prefix: RegExp) => Object.fromEntries(Object.entries(vars).filter(([name]) => prefix.test(name)));

describe.skipIf(!dpkgArchitecture.path)(`arch table against dpkg-architecture${dpkgArchitecture.path ? '' : ` (skipped: ${dpkgArchitecture.missing})`}`, () => {
  it('knows the Linux arches Debian ships', () => {
    expect(DEBIAN_ARCHES).toEqual(expect.arrayContaining(['amd64', 'arm64', 'armel', 'armhf', 'i386', 'mips64el', 'ppc64el', 'riscv64', 's390x', 'loong64']));
  });

  it.each(DEBIAN_ARCHES)('has the variables dpkg-architecture -a %s prints, BUILD_* being HOST_*', (arch) => {
    const printed = dpkgArch('-a', arch);
    const host = pick(printed, /^DEB_HOST_/);
    const expected = { ...pick(printed, /^DEB_(HOST|TARGET)_/), ...Object.fromEntries(Object.entries(host).map(([k, v]) => [k.replace('HOST', 'BUILD'), v])) };
    expect(Object.keys(expected)).toHaveLength(33);
    expect(dpkgArchitectureVariables(arch)).toEqual(expected);
  });

  it('has the BUILD variables dpkg-architecture prints on this machine, for its own arch', () => {
    const native = dpkgArch();
    expect(dpkgArchitectureVariables(native.DEB_BUILD_ARCH!)).toEqual(native);
  });

  it.each([
    // uname machine, GNU cpu name dpkg's cputable knows it by
    ['x86_64', 'x86_64'],
    ['aarch64', 'aarch64'],
    ['ppc64le', 'powerpc64le'],
    ['s390x', 's390x'],
    ['riscv64', 'riscv64'],
    ['i686', 'i686'],
    ['i586', 'i586'],
    ['i486', 'i486'],
    ['i386', 'i386'],
    ['loongarch64', 'loongarch64'],
  ])('maps the uname arch %s to the Debian arch dpkg gives GNU cpu %s', (uname, gnuCpu) => {
    expect(debianArchOf(uname)).toBe(dpkgArch('-t', `${gnuCpu}-linux-gnu`).DEB_HOST_ARCH);
  });

  it.each(DEBIAN_ARCHES)('keeps the Debian name %s, whose tuple is the one dpkg gives it', (arch) => {
    const vars = dpkgArch('-a', arch);
    expect(debianArchOf(arch)).toBe(arch);
    expect(debianArchTuple(arch)).toEqual(['ABI', 'LIBC', 'OS', 'CPU'].map((field) => vars[`DEB_HOST_ARCH_${field}`]));
  });
});

describe('arches outside the table', () => {
  it('names no Debian arch for an ambiguous or unknown machine', () => {
    expect(debianArchOf('armv7l')).toBeUndefined();
    expect(debianArchOf('vax')).toBeUndefined();
    expect(dpkgArchitectureVariables('hurd-amd64')).toBeUndefined();
    expect(debianArchTuple('x32')).toBeUndefined();
  });
});
