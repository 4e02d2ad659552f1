import { describe, expect, it } from 'vitest';
import { kataKernelFlavors, kataKernelProfile } from '../../src/knowledge/kata-kernel-profile.js';
import { ARCHES } from '../../src/model/arch.js';

describe('the built-in Kata kernel profile', () => {
  it.each([
    // arch, fragments, distinct symbols (kernel-sources.md §1.2, replaying get_kernel_frag_path)
    ['x86_64', 40, 643],
    ['aarch64', 39, 644],
    ['s390x', 26, 585],
    ['ppc64le', 30, 590],
    ['riscv64', 29, 578],
  ] as const)('%s: %i fragments, %i symbols', (arch, fragments, symbols) => {
    const profile = kataKernelProfile(arch);
    expect(profile.requirements.size).toBe(symbols);
    const files = new Set([...profile.requirements.values()].flatMap((r) => [r.origin.file, ...(r.writers ?? []).map((w) => w.origin.file)]));
    expect(files.size).toBeLessThanOrEqual(fragments);
  });

  it('has a plain flavour for every arch', () => {
    for (const arch of ARCHES) expect(kataKernelFlavors(arch)).toContain('plain');
  });

  it('keeps where each requirement comes from and why', () => {
    const profile = kataKernelProfile('x86_64');
    expect(profile.requirements.get('CONFIG_9P_FS')).toEqual({
      key: 'CONFIG_9P_FS',
      want: 'y',
      reasons: ['9p'],
      origin: { file: 'tools/packaging/kernel/configs/fragments/common/9p.conf', line: 5 },
    });
    expect(profile.requirements.get('CONFIG_NR_CPUS')).toMatchObject({ want: '240', reasons: ['base'] });
    expect(profile.meta).toMatchObject({ commit: '7c6ba40c54ea29b459b4997cff948caaba4e658b', kernel: '6.18.35' });
  });

  it('keeps every writer of a symbol set by several fragments', () => {
    const block = kataKernelProfile('x86_64').requirements.get('CONFIG_BLOCK')!;
    expect(block.reasons).toEqual(['base', 'dax']);
    expect(block.writers).toHaveLength(1);
  });

  it('marks symbols matched by whitelist.conf as allowed to be absent, by substring', () => {
    const r = kataKernelProfile('x86_64').requirements;
    expect(r.get('CONFIG_MEMCG_SWAP')?.mayBeAbsent).toBe(true);
    expect(r.get('CONFIG_MEMCG_SWAP_ENABLED')?.mayBeAbsent).toBe(true); // the pattern CONFIG_MEMCG_SWAP matches it too
    expect(r.get('CONFIG_VIRTIO_FS')?.mayBeAbsent).toBeUndefined();
  });

  it('refuses an unknown flavour', () => {
    expect(() => kataKernelProfile('x86_64', 'nope')).toThrow(/no nope kernel flavour/);
  });
});
