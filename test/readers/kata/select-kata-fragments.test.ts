// Fragment selection against the same rules written as shell with the real grep, ls, find and sed over
// the corpus tree: the files get_kernel_frag_path would merge, in order, and the distinct CONFIG_
// symbols they set. The counts also match the table of kernel-sources.md §1.2.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kataKernelData } from '../../../src/knowledge/kata-kernel-profile.js';
import type { Arch } from '../../../src/model/arch.js';
import { kernelArchOf } from '../../../src/model/arch.js';
import { kataKernelRequirements, kataKernelSelection } from '../../../src/readers/kata/kernel-requirements.js';
import { kernelOptionsOf } from '../../../src/readers/kata/select-kata-fragments.js';
import type { KernelBuildOptions } from '../../../src/readers/kata/select-kata-fragments.js';
import { KATA_FRAGMENTS, corpus } from '../../helpers/corpus.js';
import { bash } from '../../helpers/bash-oracle.js';

// The selection rules, written for this test after build-kernel.sh's get_kernel_frag_path. A file whose
// only line names another fragment is a link the corpus stores as a file: its target is read instead.
const ORACLE = `
cd "$1"; arch=$2; conf=$3; measured=$4; gpu=$5; type=$6; debug=$7; signing=$8
tags="-e !$arch"; [ "$conf" = yes ] && tags="$tags -e !confidential"
files="$(grep $tags common/*.conf -L) $(ls $arch/*.conf)"
[ -n "$type" ] && files="$files $(find build-type/$type -name '*.conf' | LC_ALL=C sort)"
[ -n "$gpu" ] && files="$files gpu/$gpu.$arch.conf.in"
[ "$measured" = yes ] && files="$files common/confidential_containers/cryptsetup.conf"
[ "$conf" = yes ] && files="$files $(ls $arch/confidential/*.conf) common/confidential_containers/tmpfs.conf"
[ "$signing" = yes ] && files="$files common/signing/module_signing.conf"
[ "$debug" = yes ] && files="$files $(ls debug/*.conf)"
echo $files
for f in $files; do
  if grep -qx '[A-Za-z0-9_./-]*\\.conf' "$f"; then cat "$(dirname "$f")/$(cat "$f")"; else cat "$f"; fi
done | sed -n -e 's/^\\(CONFIG_[A-Za-z0-9_]*\\)=.*/\\1/p' -e 's/^# \\(CONFIG_[A-Za-z0-9_]*\\) is not set$/\\1/p' | sort -u | wc -l
`;

function oracle(arch: Arch, o: KernelBuildOptions): { files: string[]; symbols: number } {
  const yes = (b: boolean | undefined) => (b ? 'yes' : 'no');
  const args = [corpus(KATA_FRAGMENTS), kernelArchOf(arch), yes(o.confidential), yes(o.measured), o.gpu ?? '', o.buildType ?? '', yes(o.debug), yes(o.signing)];
  const run = spawnSync(bash.path!, ['-c', ORACLE, 'oracle', ...args], { encoding: 'utf8', env: { LC_ALL: 'C', PATH: '/usr/bin:/bin' } });
  const [files, count] = run.stdout.trim().split('\n');
  return { files: files!.split(' '), symbols: Number(count) };
}

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
    const selection = kataKernelSelection(data, arch, flavor);
    expect(selection.map((p) => `${p}`)).toEqual(expected.files);
    expect(kataKernelRequirements(data, arch, flavor).requirements.size).toBe(expected.symbols);
    if (fragments !== null) expect([selection.length, expected.symbols]).toEqual([fragments, symbols]);
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
