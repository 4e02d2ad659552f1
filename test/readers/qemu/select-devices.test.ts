import { describe, expect, it } from 'vitest';
import { normalizeBuild } from '../../../src/readers/qemu/normalize-build.js';
import { readFlags } from '../../../src/readers/qemu/read-flags.js';
import { selectDevices, systemTargetOf } from '../../../src/readers/qemu/select-devices.js';

const select = (flags: string, arch: string) => selectDevices(normalizeBuild(readFlags(flags, 'f')), arch);

describe('selectDevices', () => {
  // [options, arch, target, device file, minikconf mode, target built]: configure's reading (qemu-sources.md §2.4)
  it.each([
    ['--enable-kvm', 'x86_64', 'x86_64-softmmu', 'default', 'defconfig', true],
    ['--without-default-devices', 'x86_64', 'x86_64-softmmu', 'default', 'allnoconfig', true],
    ['--without-default-devices --with-default-devices', 'x86_64', 'x86_64-softmmu', 'default', 'defconfig', true],
    ['-Ddefault_devices=false', 'x86_64', 'x86_64-softmmu', 'default', 'allnoconfig', true],
    ['--with-devices-x86_64=microvm', 'x86_64', 'x86_64-softmmu', 'microvm', 'defconfig', true],
    ['--with-devices-i386=small', 'x86_64', 'x86_64-softmmu', 'default', 'defconfig', true],
    ['--target-list=ppc64-softmmu', 'ppc64le', 'ppc64-softmmu', 'default', 'defconfig', true],
    ['--target-list=aarch64-softmmu', 'x86_64', 'x86_64-softmmu', 'default', 'defconfig', false],
    ['--target-list-exclude=x86_64-softmmu', 'x86_64', 'x86_64-softmmu', 'default', 'defconfig', false],
    ['--disable-system', 'x86_64', 'x86_64-softmmu', 'default', 'defconfig', false],
  ])('%s for %s: %s/%s.mak, %s, built %s', (flags, arch, target, name, mode, built) => {
    expect(select(flags, arch)).toMatchObject({ target, name, mode, built });
  });

  it('keeps where the choice is written', () => {
    const s = select('--enable-kvm\n--without-default-devices\n--with-devices-x86_64=microvm\n', 'x86_64');
    expect([s.modeOrigin?.line, s.nameOrigin?.line]).toEqual([2, 3]);
    expect(systemTargetOf('riscv64')).toBe('riscv64-softmmu');
  });
});
