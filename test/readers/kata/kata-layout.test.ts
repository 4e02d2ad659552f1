import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { bareVersion, findKataLayout, readHeadCommit, yamlValue } from '../../../src/readers/kata/kata-layout.js';
import { readKataReference } from '../../../src/readers/kata/read-kata-reference.js';
import { fixture } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';

const SHA = 'a'.repeat(40);

describe('findKataLayout', () => {
  it.each([
    // script present, repository recognised
    ['tools/packaging/scripts/configure-hypervisor.sh', 'kata-containers/kata-containers'],
    ['scripts/configure-hypervisor.sh', 'kata-containers/packaging'],
  ])('%s → %s', async (script, repository) => {
    expect((await findKataLayout('k', memoryHost({ [`k/${script}`]: '' }))).repository).toBe(repository);
  });

  it('refuses anything else (FD110)', async () => {
    await expect(findKataLayout('k', memoryHost({ 'k/README': '' }))).rejects.toMatchObject({ diagnostic: { code: 'FD110', file: 'k' } });
  });
});

describe('versions and commit', () => {
  const yaml = 'assets:\n  hypervisor:\n    qemu:\n      version: "v11.0.1"  # pinned\n    qemu-x:\n      version: v1\n  kernel:\n    version: "v6.18.35"\n';
  it.each([
    // path, value
    ['assets.hypervisor.qemu.version', 'v11.0.1'],
    ['assets.kernel.version', 'v6.18.35'],
    ['assets.hypervisor.qemu-x.version', 'v1'],
    ['assets.hypervisor.version', undefined],
    ['assets.kernel.url', undefined],
  ])('%s → %s', (path, value) => {
    expect(yamlValue(yaml, path)).toBe(value);
  });

  it('strips the v of a version', () => {
    expect([bareVersion('v6.18.35'), bareVersion('6.1'), bareVersion('vfoo')]).toEqual(['6.18.35', '6.1', 'vfoo']);
  });

  it.each([
    // .git files, commit
    [{ 'k/.git/HEAD': `${SHA}\n` }, SHA],
    [{ 'k/.git/HEAD': 'ref: refs/heads/main\n', 'k/.git/refs/heads/main': `${SHA}\n` }, SHA],
    [{ 'k/.git/HEAD': 'ref: refs/heads/main\n', 'k/.git/packed-refs': `# pack-refs\n${SHA} refs/heads/main\n` }, SHA],
    [{ 'k/.git/HEAD': 'ref: refs/heads/../../x\n' }, undefined],
    [{ 'k/.git': 'gitdir: /elsewhere/.git/worktrees/k\n' }, undefined],
  ])('reads the commit statically from %j', async (files, commit) => {
    expect(await readHeadCommit('k', memoryHost(files))).toBe(commit);
  });
});

describe('readKataReference on the fixture checkout', () => {
  it('reads the versions it pins, its kernel fragments and its QEMU build', async () => {
    const reference = await readKataReference(fixture('kata'), nodeHost());
    expect(reference.diagnostics).toEqual([]);
    expect(reference.kernel).toMatchObject({ kernelVersion: '6.12.9', configVersion: '7', commit: 'unknown' });
    expect(reference.qemu).toMatchObject({ qemuVersion: '8.2.4', prefix: '/opt/kata', pins: { 'snp-experimental': 'https://example.org/qemu.git tag tee-2026' } });
    expect(Object.keys(reference.qemu!.options)).toEqual(['x86_64', 'aarch64', 's390x']);
    expect(Object.keys(reference.qemu!.options.x86_64!)).toEqual(['plain', 'no-shared-fs', 'tdx-experimental']);
    expect(Object.keys(reference.qemu!.devices.x86_64!)).toEqual(['plain', 'no-shared-fs', 'snp-experimental', 'tdx-experimental']);
  });

  it('says which version it does not know (FD112), and takes one given', async () => {
    const files = { 'k/tools/packaging/scripts/configure-hypervisor.sh': 'echo', 'k/tools/packaging/kernel/configs/fragments/whitelist.conf': '' };
    const without = await readKataReference('k', memoryHost(files));
    expect(without.diagnostics.map((d) => d.code)).toEqual(['FD112', 'FD112']);
    expect(without.qemu).toBeUndefined();
    const given = await readKataReference('k', memoryHost(files), { qemuVersion: '9.0.0' });
    expect(given.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/which Kernel it builds/)]);
    expect(given.qemu?.qemuVersion).toBe('9.0.0');
  });
});
