import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acceptance, compareVersions, currentKey, fixedIn, obsoleteSwitch, optionDefault, optionKind } from '../../src/knowledge/qemu-vocabulary.js';
import { corpus } from '../helpers/corpus.js';

describe('the QEMU vocabulary', () => {
  // [word, version, status]: the dated facts of qemu-sources.md §2.5 and the versions read
  it.each([
    ['--disable-glusterfs', '11.1.0', 'rejected'],
    ['--disable-glusterfs', '11.0.1', 'accepted'],
    ['--disable-glusterfs', '10.0.0', 'accepted'],
    ['--enable-virtiofsd', '7.2.0', 'accepted'],
    ['--enable-virtiofsd', '8.0.0', 'rejected'],
    ['--enable-vnc-png', '7.2.0', 'rejected'],
    ['--enable-png', '7.2.0', 'accepted'],
    ['--disable-bluez', '4.2.0', 'accepted'],
    ['--disable-bluez', '5.2.0', 'rejected'],
    ['--without-default-features', '5.2.0', 'rejected'],
    ['--without-default-features', '7.2.0', 'accepted'],
    // dated against qemu/qemu's release trees: each went one release before the reference doc's bound
    ['--enable-vxhs', '5.0.0', 'accepted'],
    ['--enable-vxhs', '5.1.0', 'rejected'],
    ['--disable-sheepdog', '6.0.0', 'accepted'],
    ['--disable-sheepdog', '6.1.0', 'rejected'],
    ['--disable-xfsctl', '6.2.0', 'accepted'],
    ['--disable-xfsctl', '7.0.0', 'rejected'],
    ['--disable-libxml2', '7.0.0', 'rejected'],
    ['--enable-slirp=system', '5.2.0', 'accepted'],
    ['--enable-slirp=system', '7.2.0', 'rejected'],
    ['--with-devices-x86_64=microvm', '7.2.0', 'accepted'],
    // 5.2 names the value; 7.2 on take any value through --enable-fdt=* (Fedora's 7.2 spec passes it)
    ['--enable-fdt=system', '5.2.0', 'accepted'],
    ['--enable-fdt=system', '7.2.0', 'accepted'],
    ['--enable-fdt=system', '10.0.13', 'accepted'],
    // read in no source tree, seen in Fedora 39's spec (8.1) only
    ['--enable-virtfs-proxy-helper', '8.1.1', 'accepted'],
    ['--enable-virtfs-proxy-helper', '7.2.0', 'rejected'],
    ['--enable-virtfs-proxy-helper', '10.0.13', 'rejected'],
    // RHEL 8's spec builds 6.2 with the bundled capstone; 7.2 has no such value
    ['--enable-capstone=internal', '6.2.0', 'accepted'],
    ['--enable-capstone=internal', '7.2.0', 'rejected'],
    // 6.2's configure took any value (Fedora 36's spec: --enable-capstone=auto) until capstone's arms went in 7.1
    ['--enable-capstone=auto', '6.2.0', 'accepted'],
    ['--enable-capstone=auto', '5.2.0', 'rejected'],
    ['--enable-capstone=auto', '7.1.0', 'rejected'],
    ['--enable-slirp=system', '6.2.0', 'accepted'],
    ['--enable-fdt=auto', '6.2.0', 'accepted'],
    ['--enable-fdt=auto', '5.2.0', 'rejected'],
    ['--target-list=x86_64-softmmu', '10.0.13', 'accepted'],
    ['-Dvhost_user=enabled', '10.0.0', 'accepted'],
    ['-Dno_such_option=enabled', '10.0.0', 'rejected'],
    ['--rhel-version=9', '10.0.0', 'rejected'],
    // dated by Kata's own version gate: from 10.1.0
    ['--disable-passt', '11.0.1', 'accepted'],
    ['--disable-passt', '10.1.0', 'accepted'],
    ['--disable-passt', '10.0.13', 'rejected'],
    // autoconf's switches configure takes and ignores (one case arm over five lines), and the words of
    // rpm's %configure it does not take: a build through %configure stops unless configure is patched
    ['--host=x86_64-pc-linux-gnu', '5.2.0', 'accepted'],
    ['--build=x86_64-pc-linux-gnu', '10.0.13', 'accepted'],
    ['--disable-dependency-tracking', '7.2.0', 'accepted'],
    ['--sharedstatedir=/var/lib', '10.0.13', 'accepted'],
    ['--infodir=/usr/share/info', '11.1.0', 'accepted'],
    ['--psdir=/usr/share/doc', '10.0.13', 'accepted'],
    ['--exec-prefix=/usr', '10.0.13', 'rejected'],
    ['--program-prefix=', '7.2.0', 'rejected'],
    ['--disable-static', '10.0.13', 'rejected'],
    // meson's own options configure exposes, read for 11.1 from meson-buildoptions.py's rules (Fedora passes both)
    ['--disable-werror', '11.1.0', 'accepted'],
    ['--enable-debug-info', '11.1.0', 'accepted'],
    ['--enable-kvm', '12.0.0', 'accepted'],
  ])('%s for QEMU %s: %s', (word, version, status) => {
    expect(acceptance(word, version).status).toBe(status);
  });

  it('accepts every option Kata passes for the QEMU it pins', () => {
    const dump = readFileSync(corpus('qemu/kata-flags/kata-qemu-11.0.1-static-x86_64.dump'), 'utf8');
    const options = dump.split('\n').filter((l) => /^[a-z,]+\t/.test(l)).map((l) => l.split('\t').at(-1)!.replace(/"/g, ''));
    const verdicts = options.map((o) => [o, acceptance(o, '11.0.1').status]).filter(([, s]) => s !== 'accepted');
    expect(verdicts).toEqual([]);
  });

  // [key, version, kind, default]: defaults change across versions (§2.3)
  it.each([
    ['vhost_user', '10.0.0', 'feature', 'auto'],
    ['tcg', '10.0.0', 'feature', 'enabled'],
    ['qom_cast_debug', '7.2.0', 'boolean', 'false'],
    ['qom_cast_debug', '10.0.0', 'boolean', 'true'],
    ['modules', '11.1.0', 'feature', 'disabled'],
  ])('%s in QEMU %s is a %s defaulting to %s', (key, version, kind, value) => {
    expect([optionKind(key), optionDefault(key, version)]).toEqual([kind, value]);
  });

  it.each([
    // [word, version, what configure says as it ignores it]: read in 5.2, 6.2 and 7.2; between two versions both must;
    // before 5.2 as 5.2 (QEMU 3.0 to 4.2 have the same arms)
    ['--disable-vhdx', '7.2.0', 'VHDX driver is always built'],
    ['--disable-vhdx', '6.0.0', 'VHDX driver is always built'],
    ['--disable-vhdx', '8.0.0', undefined],
    ['--disable-vhdx', '10.0.0', undefined],
    ['--disable-vhdx', '4.2.0', 'VHDX driver is always built'],
    ['--disable-vhdx', '12.0.0', undefined],
    ['--enable-uuid', '5.2.0', 'UUID support is always built'],
    ['--disable-vmdk', '7.2.0', undefined],
  ])('knows %s in QEMU %s as ignored: %s', (word, version, says) => {
    expect(obsoleteSwitch(word, version)).toBe(says);
    // configure takes the switch it ignores: no "unknown option"
    if (says) expect(acceptance(word, version).status).toBe('accepted');
  });

  it('says which keys no build of a version can change, and why', () => {
    expect(fixedIn('vhdx', '7.2.0')).toBe('its configure ignores --enable-vhdx and --disable-vhdx as obsolete: "VHDX driver is always built"');
    expect(fixedIn('vpc', '6.0.0')).toBe('it has no option yet, and block/meson.build builds vpc.c unconditionally');
    expect(fixedIn('passt', '10.0.13')).toBe('it has no option yet, and none of its meson.build files names it');
    // 8.0 lies between 7.2 (no option) and 8.2 (an option): not fixed; nor is anything that has an option
    expect([fixedIn('vhdx', '8.0.0'), fixedIn('vhdx', '8.2.0'), fixedIn('vmdk', '10.0.0'), fixedIn('passt', '10.2.0')]).toEqual([undefined, undefined, undefined, undefined]);
    expect([optionDefault('vhdx', '7.2.0'), optionDefault('vhdx', '8.2.0'), optionDefault('pipewire', '7.2.0'), optionDefault('debug_remap', '8.2.0')]).toEqual(['enabled', 'auto', 'disabled', 'false']);
    // relocatable from 5.2 on only: 5.1 and before never relocate, and a version before 5.2 is read as 5.2
    expect([optionDefault('relocatable', '7.2.0'), fixedIn('relocatable', '5.2.0') !== undefined]).toEqual(['true', true]);
    expect([optionDefault('relocatable', '4.2.0'), fixedIn('relocatable', '4.2.0'), optionDefault('vpc', '4.2.0')]).toEqual([undefined, undefined, 'enabled']);
  });

  it('knows renames and orders versions numerically', () => {
    expect([currentKey('vnc_png'), currentKey('libssh2'), currentKey('kvm')]).toEqual(['png', 'libssh', 'kvm']);
    expect(compareVersions('10.0.13', '9.2.0')).toBeGreaterThan(0);
    expect(compareVersions('7.2', '7.2.0')).toBe(0);
  });
});
