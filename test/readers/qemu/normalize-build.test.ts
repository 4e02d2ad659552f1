import { describe, expect, it } from 'vitest';
import type { Build } from '../../../src/model/build.js';
import { archOfTargets, normalizeBuild } from '../../../src/readers/qemu/normalize-build.js';

function build(...words: Array<string | { text: string; unknown: string }>): Build {
  const argv = words.map((w, i) => (typeof w === 'string' ? { text: w, origin: { file: 'f', line: i + 1 } } : { ...w, origin: { file: 'f', line: i + 1 } }));
  return { id: 'main', tool: 'configure', argv, origin: { file: 'f', line: 1 } };
}

describe('normalizeBuild', () => {
  it('lets the last word win and keeps the earlier ones as writers', () => {
    const set = normalizeBuild(build('--disable-pie', '--enable-kvm', '--enable-pie'));
    const pie = set.settings.get('pie')!;
    expect([pie.value, pie.origin.line, pie.spelling]).toEqual(['enabled', 3, '--enable-pie']);
    expect(pie.writers?.map((w) => [w.value, w.origin.line])).toEqual([['disabled', 1]]);
    expect(set.diagnostics.map((d) => [d.code, d.line])).toEqual([['FD171', 3]]);
  });

  it('makes one note of a list of options turned off and on again: the macro they came through, or the invocation', () => {
    // RHEL's shape: %{disable_everything} (used at line 10) inside run_configure (called at line 20), then "$@"
    const via = [{ file: 'f', line: 20, name: 'run_configure' }, { file: 'f', line: 10, name: '%{disable_everything}' }];
    const listed = (text: string, line: number) => ({ text, origin: { file: 'f', line, via } });
    const direct = (text: string, line: number) => ({ text, origin: { file: 'f', line } });
    const argv = [listed('--disable-kvm', 3), listed('--disable-vhost-user', 3), listed('--disable-numa', 3), direct('--enable-kvm', 21), direct('--enable-vhost-user', 22)];
    const macro = normalizeBuild({ id: 'main', tool: 'configure', argv, origin: { file: 'f', line: 1 } });
    expect(macro.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['FD171', 10, '2 options that %{disable_everything} sets are set again later with another value, the last one winning: kvm, vhost_user'],
    ]);
    // openSUSE's shape: --disable-X lines, then --enable-X lines, all written in the invocation
    const plain = normalizeBuild(build('--disable-kvm', '--disable-numa', '--enable-pie', '--enable-numa', '--enable-kvm'));
    expect(plain.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['FD171', 4, '2 options written at lines 1-2 are set again later with another value, the last one winning: numa, kvm'],
    ]);
    // one override from a list and one alone: each a note of its own, with both lines
    const two = normalizeBuild({ id: 'main', tool: 'configure', argv: [listed('--disable-kvm', 3), direct('--disable-pie', 4), direct('--enable-kvm', 21), direct('--enable-pie', 22)], origin: { file: 'f', line: 1 } });
    expect(two.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [21, 'kvm is set to "disabled" at line 3 and then to "enabled"; the last one wins'],
      [22, 'pie is set to "disabled" at line 4 and then to "enabled"; the last one wins'],
    ]);
  });

  it('makes one note of a hostile list of 200,000 options turned off and on again, without a stack overflow', () => {
    const words = Array.from({ length: 400_000 }, (_, i) => (i < 200_000 ? `--disable-x${i}` : `--enable-x${i - 200_000}`));
    const argv = words.map((text, i) => ({ text, origin: { file: 'f', line: i + 1 } }));
    const set = normalizeBuild({ id: 'main', tool: 'configure', argv, origin: { file: 'f', line: 1 } });
    expect(set.diagnostics.map((d) => d.message.slice(0, 60))).toEqual(['200000 options written at lines 1-200000 are set again later']);
  });

  it('accumulates --extra-cflags (configure appends them)', () => {
    const set = normalizeBuild(build('--extra-cflags=-O2', '--extra-cflags=-DCONFIG_MICROVM_DEFAULT=1'));
    expect(set.settings.get('extra_cflags')?.value).toBe('-O2 -DCONFIG_MICROVM_DEFAULT=1');
    expect(set.diagnostics).toEqual([]);
  });

  it('says nothing of a duplicate with the same value (harmless, as in Kata and qemu-mini)', () => {
    expect(normalizeBuild(build('--enable-virtfs', '--enable-virtfs')).diagnostics).toEqual([]);
  });

  // [words, codes with their level]: an unknown option never compared (toolchain, path, diagnostics) is info
  it.each([
    [['--target-list=x86_64-softmmu', '--target-list-exclude=moxie-softmmu'], ['FD172 error']],
    [['--enable-kvm', 'run_configure'], ['FD170 warning']],
    [[{ text: '--with-pkgversion=', unknown: '%(echo ...) is not run' }], ['FD340 info']],
    [[{ text: '--extra-cflags=', unknown: '%(echo ...) is not run' }], ['FD340 info']],
    [[{ text: '--audio-drv-list=', unknown: '%(echo ...) is not run' }], ['FD340 warning']],
    [[{ text: '', unknown: '%(echo ...) is not run' }], ['FD340 warning']],
    [['--enable-kvm', '--target-list=x86_64-softmmu'], []],
  ])('%j → %j', (words, codes) => {
    expect(normalizeBuild(build(...words)).diagnostics.map((d) => `${d.code} ${d.level}`)).toEqual(codes);
  });

  // [words, key → value and whether it is unknown, the opaque word's text]: a word not evaluated
  // makes its own option unknown when its key is plain, and every option before it when it is not.
  const notRun = (text: string) => ({ text, unknown: '%(...) is not run' });
  it.each([
    [['--enable-vhost-user', notRun('--audio-drv-list=')], { vhost_user: ['enabled', false], audio_drv_list: ['unknown', true] }, undefined],
    [[notRun('--audio-drv-list='), '--audio-drv-list=pa'], { audio_drv_list: ['pa', false] }, undefined],
    [['--enable-vhost-user', notRun(''), '--enable-kvm'], { vhost_user: ['enabled', true], kvm: ['enabled', false] }, ''],
    [['--enable-seccomp', notRun('--enable-')], { seccomp: ['enabled', true] }, '--enable-'],
    [['--enable-seccomp', notRun('--disable-vhost')], { seccomp: ['enabled', true] }, '--disable-vhost'],
    // a device file of some target: each target's device file is unknown, and no other option
    [['--enable-seccomp', notRun('--with-devices-=minimal')], { seccomp: ['enabled', false], devices_x86_64: ['unknown', true], devices_aarch64: ['unknown', true], devices_s390x: ['unknown', true], devices_ppc64: ['unknown', true], devices_riscv64: ['unknown', true] }, undefined],
  ])('%j → %j, opaque %j', (words, expected, opaque) => {
    const set = normalizeBuild(build(...words));
    const seen = Object.fromEntries([...set.settings].map(([key, s]) => [key, [s.value, s.unknown !== undefined]]));
    expect(seen).toEqual(expected);
    expect(set.opaque?.text).toBe(opaque);
  });

  // [target list, arch]
  it.each([
    ['x86_64-softmmu', 'x86_64'],
    ['ppc64-softmmu', 'ppc64le'],
    ['aarch64-softmmu,aarch64-linux-user', 'aarch64'],
    ['i386-softmmu,x86_64-softmmu', undefined],
    [undefined, undefined],
  ])('the target list %j is for %j', (list, arch) => {
    expect(archOfTargets(list)).toBe(arch);
  });
});
