// The shipped QEMU profiles against the corpus dumps: configure-hypervisor.sh -ds kata-qemu ARCH, run by
// bash on Kata's own script for QEMU 11.0.1 (Kata 7c6ba40c54) and 5.0.0 (Kata 1.x, packaging 17f37e029c).
import { describe, expect, it } from 'vitest';
import { kataQemuBuild, kataQemuData, kataQemuDevices, kataQemuFlavors, kataQemuOptions, kataQemuReference } from '../../src/knowledge/kata-qemu-profile.js';
import { KATA_DUMPS, kataDump } from '../helpers/corpus.js';

describe('the shipped options reproduce the dumps exactly', () => {
  // reference, arch, dump (read independently of flagdiff in test/helpers/corpus.ts)
  it.each(KATA_DUMPS)('%s %s = %s.dump', (reference, arch, name) => {
    const expected = kataDump(name);
    const data = kataQemuData(reference);
    expect(kataQemuOptions(arch, 'plain', data).map((o) => `${o.tags.join(',')}\t\t${o.option}`)).toEqual(expected.options);
    expect(data.tags).toEqual(expected.tags);
  });

  it('pins the QEMU version of each', () => {
    expect([kataQemuData().qemuVersion, kataQemuData('kata-1.x').qemuVersion]).toEqual(['11.0.1', '5.0.0']);
    expect(kataQemuData().commit).toBe('7c6ba40c54ea29b459b4997cff948caaba4e658b');
    expect(kataQemuData('kata-1.x').commit).toBe('17f37e029c2fe20f7d514e6e3a01cfb9a2523aaa');
  });
});

describe('flavours, builds and devices', () => {
  it.each([
    // arch, flavours Kata builds a QEMU of (qemu-sources.md §1.2: no-shared-fs and the TEE builds only on x86_64 and aarch64)
    ['x86_64', ['plain', 'no-shared-fs', 'snp-experimental', 'tdx-experimental']],
    ['aarch64', ['plain', 'no-shared-fs', 'snp-experimental', 'tdx-experimental']],
    ['s390x', ['plain']],
    ['ppc64le', ['plain']],
    ['riscv64', []],
  ])('%s: %j', (arch, flavors) => {
    expect(kataQemuFlavors(arch)).toEqual(flavors);
  });

  it('does not guess the options of a QEMU pinned by another repository\'s tag', () => {
    expect(() => kataQemuOptions('x86_64', 'snp-experimental')).toThrow(/built from https:\/\/github.com\/confidential-containers\/qemu.git tag gpu-snp-20260430/);
    expect(kataQemuDevices('x86_64', 'snp-experimental').requirements.has('CONFIG_SEV')).toBe(true);
  });

  it('gives the configure words xargs passes, each with its tags and line', () => {
    const build = kataQemuBuild('x86_64');
    const cflags = build.argv.find((a) => a.text.startsWith('--extra-cflags='));
    expect(cflags).toEqual({ text: '--extra-cflags= -O2 -fno-semantic-interposition -falign-functions=32 -D_FORTIFY_SOURCE=2', origin: { file: 'tools/packaging/scripts/configure-hypervisor.sh', line: 532 }, tags: ['functionality', 'security', 'speed', 'size'] });
    expect(build.argv).toHaveLength(kataQemuOptions('x86_64').length);
  });

  it.each([
    // arch, flavour, target, devices in, devices out (qemu-sources.md §1.2: the flavour blanks the memory, shared-fs, DAX, IOMMU and SGX groups)
    ['x86_64', 'plain', 'i386-softmmu', ['CONFIG_VIRTIO_BLK', 'CONFIG_VHOST_USER_FS', 'CONFIG_NVDIMM', 'CONFIG_SGX', 'CONFIG_TDX'], []],
    ['x86_64', 'no-shared-fs', 'i386-softmmu', ['CONFIG_VIRTIO_BLK', 'CONFIG_VFIO_PCI'], ['CONFIG_VHOST_USER_FS', 'CONFIG_NVDIMM', 'CONFIG_SGX', 'CONFIG_TDX']],
    ['x86_64', 'tdx-experimental', 'i386-softmmu', ['CONFIG_TDX', 'CONFIG_SEV'], ['CONFIG_VHOST_USER_FS', 'CONFIG_SGX']],
    ['aarch64', 'plain', 'aarch64-softmmu', ['CONFIG_ARM_VIRT', 'CONFIG_VIRTIO_9P'], ['CONFIG_TDX']],
    ['s390x', 'plain', 's390x-softmmu', ['CONFIG_VIRTIO_CCW', 'CONFIG_VFIO_AP'], ['CONFIG_VIRTIO_PCI']],
    ['ppc64le', 'plain', 'ppc64-softmmu', ['CONFIG_PSERIES', 'CONFIG_VIRTIO_BALLOON'], ['CONFIG_VIRTIO_MEM']],
  ])('%s %s: %s', (arch, flavor, target, present, absent) => {
    const profile = kataQemuDevices(arch, flavor);
    expect(profile.meta).toMatchObject({ target, qemu: '11.0.1' });
    for (const key of present) expect(profile.requirements.get(key)?.want, key).toBe('y');
    for (const key of absent) expect(profile.requirements.has(key), key).toBe(false);
  });

  it('gives each device its group in build-qemu.sh as the reason', () => {
    expect(kataQemuDevices('x86_64').requirements.get('CONFIG_VIRTIO_BLK')).toEqual({
      key: 'CONFIG_VIRTIO_BLK',
      want: 'y',
      reasons: ['_COMMON_DEVS'],
      origin: { file: 'tools/packaging/static-build/qemu/build-qemu.sh', line: 87 },
    });
  });
});

describe('kataQemuReference: what flagdiff qemu compares with', () => {
  it.each(KATA_DUMPS)('%s %s: the build is the dump, word by word after xargs', (reference, arch, name) => {
    // Expected: the dump's option column with its quotes removed, as xargs removes them.
    const expected = kataDump(name).options.map((l) => l.split('\t').at(-1)!.replace(/"/g, ''));
    const built = kataQemuReference(arch, 'plain', kataQemuData(reference));
    expect(built.build.argv.map((a) => a.text)).toEqual(expected);
    expect(built.version).toBe(kataQemuData(reference).qemuVersion);
  });

  it('carries the device lines as deviceSymbols and the verify lists, machine type and runtime objects', () => {
    const x86 = kataQemuReference('x86_64');
    expect(x86.deviceSymbols).toEqual(kataQemuDevices('x86_64'));
    // The QOM names are build-qemu.sh's verify_devices/verify_objects arguments (checked against bash in
    // test/readers/kata/read-qemu-devices.test.ts); the machine type is the runtime's MACHINETYPE.
    expect(x86.devices.map((d) => d.name)).toEqual(kataQemuData().devices['x86_64']!['plain']!.qomDevices.map(([n]) => n));
    expect(x86.machines.map((m) => [m.name, m.origin.file])).toEqual([['q35', 'src/runtime/arch/amd64-options.mk']]);
    expect(x86.objects.map((o) => o.name)).toEqual(['tdx-guest', 'sev-snp-guest', 'memory-backend-file']);
    // The s390x verify list names the vfio-ccw and vfio-ap devices in full.
    expect(kataQemuReference('s390x').devices.map((d) => d.name)).toEqual(expect.arrayContaining(['vhost-user-fs-ccw', 'vfio-ccw', 'vfio-ap']));
  });

  it.each([
    // arch, flavour, devices the flavour drops from the verify list and the device lines
    ['x86_64', 'no-shared-fs', 'vhost-user-fs-pci', 'CONFIG_VHOST_USER_FS'],
    ['aarch64', 'no-shared-fs', 'virtio-9p-pci', 'CONFIG_VIRTIO_9P'],
  ])('%s %s: without %s and %s', (arch, flavor, qom, symbol) => {
    const reference = kataQemuReference(arch, flavor);
    expect(reference.name).toBe(`kata (${flavor})`);
    expect(reference.devices.map((d) => d.name)).not.toContain(qom);
    expect(reference.deviceSymbols?.requirements.has(symbol)).toBe(false);
    expect(kataQemuReference(arch).devices.map((d) => d.name)).toContain(qom);
  });

  it('refuses what it has no options for, with the reason', () => {
    expect(() => kataQemuReference('riscv64')).toThrow(RangeError);
    expect(() => kataQemuReference('x86_64', 'tdx-experimental')).toThrow(/tag gpu-tdx/);
  });

  it('has no machine type or runtime object for Kata 1.x, whose runtime lives in another repository', () => {
    const kata1 = kataQemuReference('x86_64', 'plain', kataQemuData('kata-1.x'));
    expect([kata1.machines, kata1.objects, kata1.devices]).toEqual([[], [], []]);
    expect(kata1.deviceSymbols?.requirements.get('CONFIG_VIRTIO_VGA')?.origin).toEqual({ file: 'qemu/default-configs/i386-softmmu.mak', line: 73 });
  });
});
