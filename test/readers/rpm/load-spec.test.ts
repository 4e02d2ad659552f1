// Reading a spec through a host: files outside the spec's directory are never read, arches the spec
// excludes get no build, and bad input ends in one InputError naming the file.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeHost } from '../../../src/cli/node-host.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { loadSpec } from '../../../src/readers/rpm/load-spec.js';
import { fixture } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { tempDir } from '../../helpers/temp-dir.js';

const HEAD = 'Name: q\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n';
const spec = (body: string) => `${HEAD}%description\nd\n%build\n${body}\n`;
const codes = (diagnostics: ReadonlyArray<{ code: string }>) => diagnostics.map((d) => d.code);

describe('%include', () => {
  const files = {
    'pkg/qemu.spec': '',
    'pkg/common.inc': '%define flags --enable-kvm\n',
    'pkg/sub/more.inc': '%define more --enable-tcg\n',
    'secret.inc': '%define flags --enable-stolen\n',
    'etc/passwd': 'root:x:0:0\n',
  };
  it.each([
    // %include line, the words configure gets, the codes
    ['%include %{_sourcedir}/common.inc', ['--enable-kvm'], []],
    ['%include common.inc', ['--enable-kvm'], []],
    ['%include sub/more.inc', ['--enable-tcg'], []],
    ['%include ../secret.inc', [], ['FD124']],
    ['%include pkg/../secret.inc', [], ['FD124']],
    ['%include /etc/passwd', [], ['FD124']],
    ['%include missing.inc', [], ['FD124']],
    ['%include sub', [], ['FD124']], // a directory
  ])('%s', async (line, argv, expected) => {
    const host = memoryHost({ ...files, 'pkg/qemu.spec': `${line}\n${spec('../configure %{?flags} %{?more}')}` });
    const [reading] = await loadSpec('pkg/qemu.spec', host, { arches: ['x86_64'] });
    expect(reading!.builds[0]!.argv.map((a) => a.text)).toEqual(argv);
    expect(codes(reading!.diagnostics)).toEqual(expected);
  });

  it('names the included file in origins', async () => {
    const host = memoryHost({ ...files, 'pkg/qemu.spec': `%include common.inc\n${spec('../configure %{flags}')}` });
    const [reading] = await loadSpec('pkg/qemu.spec', host, { arches: ['x86_64'] });
    expect(reading!.builds[0]!.argv[0]!.origin).toMatchObject({ file: 'pkg/common.inc', line: 1 });
  });
});

describe('%include on disk', () => {
  it('refuses a symbolic link in the spec directory that leads outside it', async () => {
    const dir = tempDir('flagdiff-spec-');
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'secret.inc'), '%define flags --enable-stolen\n');
    writeFileSync(join(dir, 'pkg', 'inside.inc'), '%define more --enable-tcg\n');
    symlinkSync(join(dir, 'secret.inc'), join(dir, 'pkg', 'common.inc'));
    symlinkSync('inside.inc', join(dir, 'pkg', 'link.inc'));
    writeFileSync(join(dir, 'pkg', 'qemu.spec'), `%include common.inc\n%include link.inc\n${spec('../configure %{?flags} %{?more}')}`);
    const [reading] = await loadSpec(join(dir, 'pkg', 'qemu.spec'), nodeHost(), { arches: ['x86_64'] });
    expect(reading!.builds[0]!.argv.map((a) => a.text)).toEqual(['--enable-tcg']);
    expect(reading!.diagnostics.map((d) => [d.code, d.message.includes('link that leads outside')])).toEqual([['FD124', true]]);
  });
});

describe('device files on disk', () => {
  it('refuses a device file the spec copies in that is a link leading outside its directory (FD130)', async () => {
    const dir = tempDir('flagdiff-spec-');
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'secret.mak'), 'CONFIG_STOLEN=y\n');
    symlinkSync(join(dir, 'secret.mak'), join(dir, 'pkg', 'mini.mak'));
    writeFileSync(join(dir, 'pkg', 'qemu.spec'), spec('cp %{_sourcedir}/mini.mak default-configs/i386-softmmu.mak\n../configure'));
    const [reading] = await loadSpec(join(dir, 'pkg', 'qemu.spec'), nodeHost(), { arches: ['x86_64'] });
    expect(reading!.builds[0]!.devices).toBeUndefined();
    expect(reading!.diagnostics.map((d) => [d.code, d.message.includes('leads outside')])).toEqual([['FD130', true]]);
  });
});

describe('arches', () => {
  it.each([
    // arch, builds (rhel-like.spec has ExclusiveArch: x86_64 %{power64} aarch64 s390x), codes
    ['x86_64', 1, []],
    ['ppc64le', 1, []],
    ['riscv64', 0, ['FD129']],
  ])('%s: %i builds', async (arch, count, expected) => {
    const path = fixture('rpm/rhel-like.spec');
    const host = memoryHost({ [path]: readFileSync(path, 'utf8') });
    const [reading] = await loadSpec(path, host, { arches: [arch], defines: [['rhel', '9']] });
    expect(reading!.builds).toHaveLength(count);
    expect(codes(reading!.diagnostics).filter((c) => c === 'FD129')).toEqual(expected);
  });

  it('reads ExcludeArch too', async () => {
    const host = memoryHost({ 'q.spec': `ExcludeArch: s390x\n${spec('../configure')}` });
    const readings = await loadSpec('q.spec', host, { arches: ['x86_64', 's390x'] });
    expect(readings.map((r) => r.builds.length)).toEqual([1, 0]);
  });

  it('gives one reading per arch, in the order asked', async () => {
    const host = memoryHost({ 'q.spec': spec('%ifarch aarch64\n../configure --arm\n%else\n../configure --other\n%endif') });
    const readings = await loadSpec('q.spec', host, { arches: ['aarch64', 'x86_64'] });
    expect(readings.map((r) => [r.arch, r.builds[0]!.arch, r.builds[0]!.argv[0]!.text])).toEqual([
      ['aarch64', 'aarch64', '--arm'],
      ['x86_64', 'x86_64', '--other'],
    ]);
  });
});

describe('bad input', () => {
  it('warns of a spec without %build', async () => {
    const [reading] = await loadSpec('q.spec', memoryHost({ 'q.spec': `${HEAD}%description\nd\n%install\necho\n` }), { arches: ['x86_64'] });
    expect(codes(reading!.diagnostics)).toEqual(['FD128']);
  });

  it.each([
    // files, what the error says
    [{}, 'no such file'],
    [{ 'q.spec/x': '' }, 'is a directory'],
    [{ 'q.spec': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]) }, 'binary file'],
  ])('%j: %s', async (files, message) => {
    const error = await loadSpec('q.spec', memoryHost(files), { arches: ['x86_64'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostic).toMatchObject({ code: 'FD104', file: 'q.spec' });
    expect((error as InputError).message).toContain(message);
  });
});

describe('several arches in one reading', () => {
  // Expansions are shared between the arches of one reading (expansion-memo.ts): the result must be
  // what reading each arch alone gives, builds, origins and diagnostics alike.
  it.each([
    // fixture, --define
    ['fedora-like.spec', [['fedora', '39']]],
    ['mini-like.spec', [['fedora', '31']]],
    ['rhel-like.spec', [['rhel', '9']]],
    ['suse-like/qemu.spec', []],
  ] as const)('%s with %j reads as each arch alone', async (name, defines) => {
    const path = fixture(`rpm/${name}`);
    const include = fixture('rpm/suse-like/common.inc');
    const host = memoryHost({ [path]: readFileSync(path, 'utf8'), [include]: readFileSync(include, 'utf8') });
    const arches = ['x86_64', 'aarch64', 's390x', 'ppc64le', 'riscv64'];
    const together = await loadSpec(path, host, { arches, defines });
    const alone = await Promise.all(arches.map(async (arch) => (await loadSpec(path, host, { arches: [arch], defines }))[0]));
    expect(together).toEqual(alone);
    expect(together.map((r) => r.builds.length).reduce((a, b) => a + b)).toBeGreaterThan(arches.length - 2);
  });
});

describe('reading stops after %build', () => {
  it('does not call an %if open across %build\'s end unclosed: the rest is not read', async () => {
    const text = `${HEAD}%description\nd\n%build\n../configure --a\n%if 1\n%install\necho\n%endif\n`;
    const [reading] = await loadSpec('q.spec', memoryHost({ 'q.spec': text }), { arches: ['x86_64'] });
    expect(reading!.diagnostics).toEqual([]);
    expect(reading!.builds).toHaveLength(1);
  });
});

describe('the version the spec builds', () => {
  it.each([
    // Version: line, what the reading gives (a version only when it expands to one)
    ['Version: 4.2.0', '4.2.0'],
    ['%global base 7.2\nVersion: %{base}.1', '7.2.1'],
    ['Version: %(cat VERSION)', undefined],
    ['Version: %{undefined_macro}', undefined],
  ])('%j → %j', async (preamble, version) => {
    const spec = `Name: qemu\n${preamble}\nRelease: 1\n%description\nx\n%build\n./configure --enable-kvm\n`;
    const [reading] = await loadSpec('q/qemu.spec', memoryHost({ 'q/qemu.spec': spec }), { arches: ['x86_64'] });
    expect(reading!.version).toBe(version);
  });

  it("is the main package's, not a subpackage's that rpm lets redefine %{version} (openSUSE's ipxe, sgabios)", async () => {
    const spec = 'Name: qemu\nVersion: 7.1.0\nRelease: 1\n%description\nx\n%package ipxe\nVersion: 1.0.0\nSummary: roms\n%description ipxe\ny\n%build\n./configure --enable-kvm\n';
    const [reading] = await loadSpec('q/qemu.spec', memoryHost({ 'q/qemu.spec': spec }), { arches: ['x86_64'] });
    expect(reading!.version).toBe('7.1.0');
  });
});

describe("the spec's patches to QEMU", () => {
  it('give the configure options they add, read from the Patch: files next to the spec; one that is not there adds none', async () => {
    const [reading] = await loadSpec(fixture('rpm/patched/qemu.spec'), nodeHost(), { arches: ['x86_64'] });
    expect(reading!.patchedOptions?.map((o) => [o.spelling, o.origin.file.split('/').pop(), o.origin.line])).toEqual([['--distro-version=*', '0001-configure-add-distro-version.patch', 16]]);
  });

  it('are read only inside the spec\'s directory', async () => {
    // rpm names a patch %{_sourcedir}/BASENAME; a spec that points %{_sourcedir} elsewhere is not followed.
    const spec = '%global _sourcedir q/..\nName: q\nVersion: 1\nRelease: 1\nSummary: s\nLicense: l\nPatch1: outside.patch\n%description\nd\n%build\n./configure --x=1\n';
    const host = memoryHost({ 'q/qemu.spec': spec, 'outside.patch': '+++ b/configure\n+  --x=*)\n' });
    const [reading] = await loadSpec('q/qemu.spec', host, { arches: ['x86_64'] });
    expect(reading!.patchedOptions).toBeUndefined();
  });
});
