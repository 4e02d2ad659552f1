// The device files a spec puts into QEMU's tree before a build's configure, as its %build runs.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/readers/rpm/load-spec.js';
import { memoryHost } from '../../helpers/memory-host.js';

const HEAD = 'Name: q\nVersion: 4.2.0\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n%build\n';
const read = async (build: string, files: Record<string, string> = {}) => {
  const host = memoryHost({ 'pkg/qemu.spec': `${HEAD}${build}\n`, 'pkg/mini.mak': 'CONFIG_Q35=y\n', ...files });
  const [reading] = await loadSpec('pkg/qemu.spec', host, { arches: ['x86_64'] });
  return reading!;
};
const devicesOf = async (build: string) => (await read(build)).builds.map((b) => [b.id, b.devices ?? []]);

describe('device files a spec copies into the tree', () => {
  it.each([
    // %build, builds with their device files
    ['cp %{_sourcedir}/mini.mak default-configs/i386-softmmu.mak\n../configure', [['main', [{ target: 'i386-softmmu', name: 'default', mode: 'replace', file: 'pkg/mini.mak' }]]]],
    ['cp pkg/mini.mak configs/devices/x86_64-softmmu/mini.mak\n../configure', [['main', [{ target: 'x86_64-softmmu', name: 'mini', mode: 'replace', file: 'pkg/mini.mak' }]]]],
    // a backup, the copy, the build, the restore: only the build between them gets the file
    [
      'cp default-configs/i386-softmmu.mak default-configs/old-i386-softmmu.mak\ncp %{_sourcedir}/mini.mak default-configs/i386-softmmu.mak\nmkdir a; pushd a; ../configure; popd\nmv default-configs/old-i386-softmmu.mak default-configs/i386-softmmu.mak\nmkdir b; pushd b; ../configure; popd',
      [['a', [{ target: 'i386-softmmu', name: 'default', mode: 'replace', file: 'pkg/mini.mak' }]], ['b', []]],
    ],
    // a loop over a literal list, as Fedora's 2020 qemu-mini writes it
    ['for cfg in i386-softmmu.mak; do cp %{_sourcedir}/mini.mak default-configs/$cfg; done\n../configure', [['main', [{ target: 'i386-softmmu', name: 'default', mode: 'replace', file: 'pkg/mini.mak' }]]]],
    // not device files
    ['cp %{_sourcedir}/mini.mak build/notes.txt\n../configure', [['main', []]]],
  ])('%j', async (build, expected) => {
    expect(await devicesOf(build)).toEqual(expected);
  });

  it.each([
    // a copy from outside the spec's directory is refused, not read
    ['cp /etc/passwd default-configs/i386-softmmu.mak\n../configure'],
    ['cp %{_sourcedir}/../secret.mak default-configs/i386-softmmu.mak\n../configure'],
  ])('refuses %j with FD130', async (build) => {
    const reading = await read(build, { 'secret.mak': 'CONFIG_STOLEN=y\n' });
    expect(reading.builds.map((b) => b.devices ?? [])).toEqual([[]]);
    expect(reading.diagnostics.map((d) => d.code)).toContain('FD130');
  });
});
