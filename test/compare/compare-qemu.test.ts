import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareQemu } from '../../src/compare/compare-qemu.js';
import { kataQemuReference } from '../../src/knowledge/kata-qemu-profile.js';
import type { QemuReference } from '../../src/model/qemu-reference.js';
import { readFlags } from '../../src/readers/qemu/read-flags.js';
import { fixture } from '../helpers/corpus.js';

const kata = kataQemuReference('x86_64');

/** A reference of a few words, so each case shows one rule. */
function reference(...words: string[]): QemuReference {
  return { ...kata, build: readFlags(words.map((w) => `size\t\t${w}`).join('\n'), 'ref') };
}
const candidate = (text: string, version?: string) => ({ build: readFlags(text, 'cand'), ...(version ? { version } : {}) });
const kinds = (report: ReturnType<typeof compareQemu>) => report.findings.map((f) => [f.code, f.kind, f.key, f.have]);

describe('compareQemu: effective states, not spellings', () => {
  // [reference words, candidate text, version, expected [code, kind, key, have]]; have is null where the candidate does not write the key
  it.each([
    [['--enable-vhost-user'], '--enable-vhost-user', '10.0.0', []],
    [['--enable-vhost-user'], '--disable-vhost-user', '10.0.0', [['FD231', 'disabled', 'vhost_user', 'disabled']]],
    // vhost-user's auto is enabled on any Linux host (meson.build: .disable_auto_if(host_os != 'linux'))
    [['--enable-vhost-user'], '--enable-kvm', '10.0.0', []],
    // seccomp's auto depends on libseccomp on the build machine (dependency(..., required: get_option('seccomp')))
    [['--enable-seccomp'], '--enable-kvm', '10.0.0', [['FD232', 'auto', 'seccomp', null]]],
    // 6.2's configure turns vhost-user on for Linux itself; before 6.2 nothing was read of auto features
    [['--enable-vhost-user'], '--enable-kvm', '6.2.0', []],
    [['--enable-vhost-user'], '--without-default-features', '6.2.0', [['FD230', 'missing', 'vhost_user', null]]],
    [['--enable-vhost-user'], '--enable-kvm', '6.0.0', [['FD232', 'auto', 'vhost_user', null]]],
    // 5.2's and 6.2's configure turn vhost-kernel on for Linux after the option loop, and vhost-net with it
    [['--enable-vhost-kernel', '--enable-vhost-net', '--enable-vhost-vsock'], '--enable-kvm', '6.2.0', []],
    [['--enable-vhost-kernel'], '--without-default-features', '6.2.0', [['FD230', 'missing', 'vhost_kernel', null]]],
    [['--enable-vhost-kernel', '--enable-vhost-net', '--enable-vhost-vsock'], '--enable-kvm', '5.2.0', []],
    // QEMU 5.2's and 6.2's configure hand meson tcg=enabled themselves: TCG is built unless turned off
    [['--disable-tcg'], '--enable-kvm', '6.2.0', [['FD233', 'extra', 'tcg', null]]],
    // 10.1 lies between 10.0 and 10.2, whose meson.build agree; after 10.2 nothing was read
    [['--enable-vhost-user'], '--enable-kvm', '10.1.0', []],
    [['--enable-vhost-user'], '--enable-kvm', '11.0.0', [['FD232', 'auto', 'vhost_user', null]]],
    [['--enable-vhost-user'], '--without-default-features', '10.0.0', [['FD230', 'missing', 'vhost_user', null]]],
    [['--enable-vhost-user'], '-Dvhost_user=enabled', '10.0.0', []],
    // --without-default-features turns off auto features only: tcg defaults to enabled
    [['--disable-tcg'], '--without-default-features', '10.0.0', [['FD233', 'extra', 'tcg', null]]],
    [['--disable-xen'], '--without-default-features', '10.0.0', []],
    [['--disable-xen'], '--enable-kvm', '10.0.0', [['FD233', 'extra', 'xen', null]]],
    [['--disable-xen'], '--enable-xen', '10.0.0', [['FD233', 'extra', 'xen', 'enabled']]],
    // booleans: --disable-qom-cast-debug against the version's default (true since 8.x, false in 7.2)
    [['--disable-qom-cast-debug'], '--enable-kvm', '10.0.0', [['FD236', 'value', 'qom_cast_debug', null]]],
    [['--disable-qom-cast-debug'], '--enable-kvm', '7.2.0', []],
    [['--target-list=x86_64-softmmu'], '--target-list=aarch64-softmmu', '10.0.0', [['FD237', 'missing', 'target_list', 'aarch64-softmmu']]],
    [['--target-list=x86_64-softmmu'], '--target-list=i386-softmmu,x86_64-softmmu', '10.0.0', []],
    [['--enable-lto'], '--enable-kvm', '10.0.0', [['FD238', 'value', 'b_lto', null]]],
    // a renamed option keeps its default under its old name: png was vnc_png in QEMU 5.2
    [['--disable-png'], '--enable-kvm', '5.2.0', [['FD233', 'extra', 'png', null]]],
    [['--disable-png'], '--disable-vnc-png', '5.2.0', []],
    // user-mode emulators come from the targets: configure's switches only shape the default list
    [['--disable-linux-user', '--disable-bsd-user'], '--target-list=x86_64-softmmu', '10.0.0', []],
    [['--disable-linux-user'], '--target-list=x86_64-softmmu,x86_64-linux-user', '10.0.0', [['FD236', 'value', 'linux_user', null]]],
    [['--disable-linux-user', '--disable-bsd-user'], '--enable-kvm', '10.0.0', [['FD236', 'value', 'linux_user', null]]],
    [['--disable-linux-user'], '--disable-user', '10.0.0', []],
    [['--disable-linux-user'], '--enable-kvm\n--disable-linux-user', '10.0.0', []],
    // path and toolchain options are not differences
    [['--prefix=/opt/kata', '--extra-cflags=-O2'], '--prefix=/usr', '10.0.0', []],
  ])('%j vs %j (QEMU %s)', (words, text, version, expected) => {
    expect(kinds(compareQemu(reference(...words), candidate(text, version)))).toEqual(expected);
  });

  it.each(['7.2.0', '10.0.0'])('takes a candidate without --target-list as building every target (QEMU %s): a requirement met, not an unknown', (version) => {
    // configure's own option has no default to read; Debian's and Fedora's main builds do not pass it
    const report = compareQemu(reference('--target-list=x86_64-softmmu'), candidate('--enable-kvm', version));
    expect(report.findings).toEqual([]);
    expect(report.diagnostics.filter((d) => d.code === 'FD235')).toEqual([]);
    expect(report.summary).toMatchObject({ requirements: 1, satisfied: 1 });
  });

  it.each(['5.2.0', '11.1.0'])('judges --disable-linux-user and --disable-bsd-user by the targets built (QEMU %s), not as options without a default', (version) => {
    const report = compareQemu(reference('--disable-linux-user', '--disable-bsd-user'), candidate('--enable-kvm', version));
    expect(report.diagnostics.filter((d) => d.code === 'FD235' && d.message.includes('_user'))).toEqual([]);
    expect(report.findings.map((f) => f.message)).toEqual([
      'the reference sets linux_user=false (--disable-linux-user); the candidate has true (it builds *-linux-user targets: with no --target-list, configure builds every target the host supports)',
    ]);
  });

  it('tells an option the version lacks from one whose default there was not read (FD235)', () => {
    // QEMU 5.2's configure takes --disable-safe-stack (its default is a probe of the compiler, later), but gio came with 6.x
    const report = compareQemu(reference('--disable-safe-stack', '--disable-gio', '--disable-debug-tcg'), candidate('--enable-kvm', '5.2.0'));
    expect(report.diagnostics.filter((d) => d.code === 'FD235').map((d) => d.message)).toEqual([
      'QEMU 5.2.0 takes --disable-safe-stack, but flagdiff has not read its default there; whether the candidate builds what it asks for is not known',
      'QEMU 5.2.0 has no gio option, so whether it builds what --disable-gio asks for is not known',
    ]);
    // debug_tcg's default is configure's own variable in 5.2: debug_tcg="no"
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ requirements: 1, satisfied: 1 });
  });

  it('takes a switch the version ignores as obsolete as setting nothing: 7.2 builds VHDX whatever the candidate passes (FD250)', () => {
    for (const text of ['--enable-kvm', '--enable-kvm\n--disable-vhdx']) {
      const report = compareQemu(reference('--disable-vhdx'), candidate(text, '7.2.0'));
      expect(report.findings.map((f) => [f.code, f.key, f.severity, f.message])).toEqual([
        ['FD233', 'vhdx', 'info', 'the reference turns vhdx off for size; the candidate enables it (QEMU 7.2.0 builds it in every build: its configure ignores --enable-vhdx and --disable-vhdx as obsolete: "VHDX driver is always built")'],
      ]);
      expect(report.diagnostics.filter((d) => d.code === 'FD250').map((d) => [d.line, d.message])).toEqual(
        text.includes('vhdx') ? [[2, 'QEMU 7.2.0\'s configure ignores --disable-vhdx: "--disable-vhdx is obsolete, VHDX driver is always built"']] : [],
      );
    }
    // From 8.0 vhdx is a feature again, auto, and the switch turns it off.
    expect(kinds(compareQemu(reference('--disable-vhdx'), candidate('--enable-kvm\n--disable-vhdx', '8.2.0')))).toEqual([]);
    expect(kinds(compareQemu(reference('--disable-vhdx'), candidate('--enable-kvm', '8.2.0')))).toEqual([['FD233', 'extra', 'vhdx', null]]);
    // A boolean no 7.2 build can set: the graph-lock debugging came with QEMU 8.0
    const graphLock = compareQemu(reference('--enable-debug-graph-lock'), candidate('--enable-kvm', '7.2.0'));
    expect(graphLock.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['FD236', 'info', 'the reference sets debug_graph_lock=true (--enable-debug-graph-lock); the candidate has false (in every build of QEMU 7.2.0: it has no option yet, and none of its meson.build files names it)'],
    ]);
    expect(kinds(compareQemu(reference('--enable-debug-graph-lock'), candidate('--enable-kvm', '10.0.0')))).toEqual([['FD236', 'value', 'debug_graph_lock', null]]);
    // Up to 8.0 every install relocates: Kata's --disable-relocatable is a difference no 7.2 recipe can close; before 5.2 it is not read
    const relocatable = compareQemu(reference('--disable-relocatable'), candidate('--enable-kvm', '7.2.0'));
    expect(relocatable.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['FD236', 'info', 'the reference sets relocatable=false (--disable-relocatable); the candidate has true (in every build of QEMU 7.2.0: it has no option yet, and util/cutils.c relocates its install paths unconditionally (get_relocated_path))'],
    ]);
    expect(compareQemu(reference('--disable-relocatable'), candidate('--enable-kvm', '4.2.0')).diagnostics.filter((d) => d.code === 'FD235' && d.message.includes('relocatable')).length).toBe(1);
    // A reference evaluated for 7.2 asks for nothing with it either.
    const ref72 = compareQemu(reference('--disable-vhdx'), candidate('--enable-kvm', '7.2.0'), { referenceVersion: '7.2.0' });
    expect([ref72.findings, ref72.diagnostics.map((d) => d.code)]).toEqual([[], ['FD250']]);
  });

  it('reports an option the candidate\'s version does not accept, at the candidate\'s line', () => {
    const report = compareQemu(reference('--enable-kvm'), candidate('--enable-kvm\n--enable-virtiofsd', '8.2.0'));
    expect(report.findings.map((f) => [f.code, f.key, f.candidate?.line])).toEqual([['FD234', '--enable-virtiofsd', 2]]);
  });
});

describe('acceptance', () => {
  it('Kata evaluated for QEMU 11.1 passes --disable-glusterfs, which 11.1 no longer accepts', () => {
    const report = compareQemu(kata, { build: kata.build }, { version: '11.1.0', referenceVersion: '11.1.0' });
    expect(report.findings.map((f) => [f.code, f.key])).toEqual([['FD234', '--disable-glusterfs']]);
    // ... and for the QEMU it pins (11.0.1) Kata's own options are all accepted.
    expect(compareQemu(kata, { build: kata.build }).findings).toEqual([]);
  });

  const mini = (year: string, version: string) =>
    compareQemu(kata, candidate(readFileSync(fixture(`qemu/mini-${year}.flags`), 'utf8'), version));

  it('a 2019 qemu-mini shaped build has vhost-user disabled: virtio-fs is impossible, with the error and the fix', () => {
    const gap = mini('2019', '4.1.0').findings.find((f) => f.key === 'vhost_user');
    expect([gap?.kind, gap?.have, gap?.candidate?.line]).toEqual(['disabled', 'disabled', 11]);
    expect(gap?.hint?.symptom).toContain("'vhost-user-fs-pci' is not a valid device model name");
    expect(gap?.hint?.fix).toContain('shared_fs');
  });

  it('its 2020 update enables vhost-user, and the gap is gone', () => {
    const report = mini('2020', '4.2.0');
    expect(report.findings.filter((f) => f.key === 'vhost_user' || f.key === 'seccomp')).toEqual([]);
    expect(report.summary.satisfied).toBeGreaterThan(mini('2019', '4.1.0').summary.satisfied);
  });
});
