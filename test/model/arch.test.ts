import { describe, expect, it } from 'vitest';
import { archFromKernelArch, kernelArchOf } from '../../src/model/arch.js';

describe('arch names', () => {
  it.each([
    // uname, Kata/kernel (build-kernel.sh arch_to_kernel)
    ['x86_64', 'x86_64'],
    ['aarch64', 'arm64'],
    ['s390x', 's390'],
    ['ppc64le', 'powerpc'],
    ['riscv64', 'riscv'],
  ] as const)('%s is %s for the kernel', (arch, kernel) => {
    expect(kernelArchOf(arch)).toBe(kernel);
    expect(archFromKernelArch(kernel, { is64Bit: true })).toBe(arch);
  });

  it.each([
    // declared, facts, uname arch
    ['x86', {}, 'x86_64'],
    ['x86', { is64Bit: true }, 'x86_64'],
    ['x86', { is64Bit: false }, undefined], // i386: Kata builds no such guest
    ['powerpc', { is64Bit: true, bigEndian: true }, undefined], // ppc64 big-endian
    ['arm', {}, undefined],
    ['EMPTY', {}, undefined],
  ] as const)('%s with %j is %s', (declared, facts, arch) => {
    expect(archFromKernelArch(declared, facts)).toBe(arch);
  });
});
