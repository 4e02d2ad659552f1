// Fragment selection against the same rules written as shell with the real grep, ls and find over the
// corpus tree (test/helpers/kata-oracle.ts): the files get_kernel_frag_path would merge, in order, and
// the last value of each CONFIG_ symbol they set. The counts also match kernel-sources.md §1.2.
import { describe, expect, it } from 'vitest';
import { kataKernelData } from '../../../src/knowledge/kata-kernel-profile.js';
import { kataKernelRequirements, kataKernelSelection } from '../../../src/readers/kata/kernel-requirements.js';
import { kernelOptionsOf } from '../../../src/readers/kata/select-kata-fragments.js';
import { bash } from '../../helpers/bash-oracle.js';
import { lastAssignments, selectionOracle as oracle } from '../../helpers/kata-oracle.js';

describe.skipIf(!bash.path)(`selection against the rules in shell${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  const data = kataKernelData();
  const paths = Object.keys(data.fragments);
  it.each([
    // arch, flavour, fragments and symbols from kernel-sources.md §1.2 where it lists them (else null)
    ['x86_64', 'plain', 40, 643],
    ['x86_64', 'confidential', 43, 652],
    ['x86_64', 'confidential+measured', 44, 673],
    ['x86_64', 'kata-deploy', 44, 673],
    ['x86_64', 'nvidia-gpu', 41, 654],
    ['x86_64', 'nvidia-gpu+confidential+measured', null, null],
    ['x86_64', 'debug', null, null],
    ['x86_64', 'dragonball-experimental', null, null],
    ['x86_64', 'signing+measured', null, null],
    ['aarch64', 'plain', 39, 644],
    ['aarch64', 'confidential', 42, 651],
    ['aarch64', 'nvidia-gpu', null, null],
    ['aarch64', 'arm-experimental', null, null],
    ['s390x', 'plain', 26, 585],
    ['s390x', 'kata-deploy', null, null],
    ['ppc64le', 'plain', 30, 590],
    ['ppc64le', 'debug', null, null],
    ['riscv64', 'plain', 29, 578],
    ['riscv64', 'measured', null, null],
  ] as const)('%s %s', (arch, flavor, fragments, symbols) => {
    const expected = oracle(arch, kernelOptionsOf(flavor, arch, paths)!);
    const wanted = lastAssignments(expected);
    const selection = kataKernelSelection(data, arch, flavor);
    expect(selection).toEqual(expected.files);
    const requirements = kataKernelRequirements(data, arch, flavor).requirements;
    expect(new Map([...requirements].map(([key, r]) => [key, [r.want, r.origin.file.replace(`${data.root}/`, ''), r.origin.line]]))).toEqual(wanted);
    if (fragments !== null) expect([selection.length, wanted.size]).toEqual([fragments, symbols]);
  });
});

describe('flavours build-kernel.sh cannot build', () => {
  it.each([
    // arch, flavour, why
    ['ppc64le', 'confidential', /no powerpc\/confidential\/\*\.conf/],
    ['riscv64', 'kata-deploy+confidential', /no riscv\/confidential/],
    ['s390x', 'nvidia-gpu', /gpu\/nvidia\.s390\.conf\.in does not exist/],
    ['x86_64', 'arm-experimental+dragonball-experimental', /no arm-experimental\+dragonball-experimental kernel flavour/],
    ['x86_64', 'fancy', /no fancy kernel flavour: the flavours are plain, confidential/],
  ] as const)('%s %s', (arch, flavor, why) => {
    expect(() => kataKernelSelection(kataKernelData(), arch, flavor)).toThrow(why);
  });
});
