// What counts as a build, how builds are named, and what is known of their words.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/readers/rpm/load-spec.js';
import { memoryHost } from '../../helpers/memory-host.js';

const HEAD = 'Name: q\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n';

async function builds(build: string, arch = 'x86_64') {
  const [reading] = await loadSpec('q.spec', memoryHost({ 'q.spec': `${HEAD}%build\n${build}\n` }), { arches: [arch] });
  return reading!;
}

const summary = (reading: Awaited<ReturnType<typeof builds>>) => reading.builds.map((b) => [b.id, b.tool, b.argv.map((a) => a.text).join(' ')]);

describe('builds', () => {
  it.each([
    // %build text, [id, tool, words]
    ['../configure --a', [['main', 'configure', '--a']]],
    ['./configure --a\n$srcdir/configure --b', [['main', 'configure', '--a'], ['main-2', 'configure', '--b']]],
    ['mkdir b1\npushd b1\n../configure --one\npopd\n../configure --two', [['b1', 'configure', '--one'], ['main', 'configure', '--two']]],
    ['mkdir -p out/x\ncd out/x\n../../configure', [['out/x', 'configure', '']]],
    ['(cd sub && ../configure --in-sub)\n./configure --here', [['sub', 'configure', '--in-sub'], ['main', 'configure', '--here']]],
    ['for t in a b; do\n  mkdir build-$t; pushd build-$t\n  ../configure --t=$t\n  popd\ndone', [['build-a', 'configure', '--t=a'], ['build-b', 'configure', '--t=b']]],
    ['if [ "%{_arch}" = x86_64 ]; then ../configure --x86; else ../configure --other; fi', [['main', 'configure', '--x86']]],
    ['case %{_arch} in\n  x86_64) ../configure --a ;;\n  *) ../configure --b ;;\nesac', [['main', 'configure', '--a']]],
    ['cfg() { ../configure --base "$@"; }\nwrap() { cfg --wrapped "$@"; }\nwrap --outer', [['main', 'configure', '--base --wrapped --outer']]],
    ['meson setup build -Dkvm=enabled', [['main', 'meson', 'build -Dkvm=enabled']]],
    ['%meson -Dkvm=enabled', [['main', 'meson', '-Dkvm=enabled']]],
    ['%configure --enable-kvm', [['main', 'configure', expect.stringContaining('--prefix=/usr --exec-prefix=/usr --bindir=/usr/bin')]]],
  ])('%j', async (build, expected) => {
    expect(summary(await builds(build))).toEqual(expected);
  });

  it.each([
    // commands that configure nothing
    ['make -C build'],
    ['./configure.py --a'],
    ['meson compile -C build'],
    ['echo ../configure --a'],
    ['cmake -B build'],
    ['if false; then ../configure; fi'],
  ])('%j is no build', async (build) => {
    expect((await builds(build)).builds).toEqual([]);
  });

  it('takes %configure\'s words from rpm\'s macro, with the distribution\'s left unknown', async () => {
    const [build] = (await builds('%configure --enable-kvm')).builds;
    const host = build!.argv.find((a) => a.text.startsWith('--host='));
    expect(host).toMatchObject({ text: '--host=%{_host}', unknown: expect.stringContaining('%{_host} is not defined') });
    expect(build!.argv.at(-1)).toMatchObject({ text: '--enable-kvm', origin: { file: 'q.spec', line: 9 } });
  });

  it('notes, not warns, a pattern or a command\'s output after the last configure (openEuler\'s cp of the binary)', async () => {
    const reading = await builds('%ifarch x86_64\nbuildarch="x86_64-softmmu"\n%endif\n./configure --target-list=${buildarch}\nmake %{?_smp_mflags} V=1\ncp -a ${buildarch}/qemu-system-* qemu-kvm');
    expect(summary(reading)).toEqual([['main', 'configure', '--target-list=x86_64-softmmu']]);
    expect(reading.diagnostics.map((d) => [d.code, d.line, d.level])).toEqual([['FD305', 14, 'info']]);
  });

  it('marks a word holding a command\'s output unknown, with the reason, and keeps what is known of it', async () => {
    const reading = await builds('../configure --with-pkgversion="%(echo v1)" --release=$(date +%Y) --ok');
    expect(reading.builds[0]!.argv).toEqual([
      { text: '--with-pkgversion=', origin: { file: 'q.spec', line: 9 }, unknown: '%(echo v1) is a shell command; flagdiff does not run it' },
      expect.objectContaining({ text: expect.stringMatching(/^--release=/), unknown: expect.stringContaining('date') }),
      { text: '--ok', origin: { file: 'q.spec', line: 9 } },
    ]);
    expect(reading.diagnostics.map((d) => d.code)).toEqual(['FD320', 'FD301']);
  });

  it('names the macro a word came through, even on the command\'s own line', async () => {
    const reading = await builds('%define extra --enable-extra\n../configure --a %{extra}');
    expect(reading.builds[0]!.argv[1]).toEqual({ text: '--enable-extra', origin: { file: 'q.spec', line: 9, via: [{ file: 'q.spec', line: 10, name: '%{extra}' }] } });
  });

  it('names the function calls a word came through, outermost first', async () => {
    // Lines: 9 %define, 10 inner() {, 11 ../configure, 14 inner --mid, 16 outer --top.
    const reading = await builds('%define opts --disable-x\ninner() {\n  ../configure %{opts} "$@"\n}\nouter() {\n  inner --mid "$@"\n}\nouter --top');
    const [opts, mid, top] = reading.builds[0]!.argv;
    expect(opts!.origin).toEqual({
      file: 'q.spec',
      line: 9,
      via: [
        { file: 'q.spec', line: 16, name: 'outer' },
        { file: 'q.spec', line: 14, name: 'inner' },
        { file: 'q.spec', line: 11, name: '%{opts}' },
      ],
    });
    expect(mid!.origin).toEqual({ file: 'q.spec', line: 14, via: [{ file: 'q.spec', line: 16, name: 'outer' }] });
    expect(top!.origin).toEqual({ file: 'q.spec', line: 16 });
    expect(reading.builds[0]!.origin).toEqual({ file: 'q.spec', line: 11, via: [{ file: 'q.spec', line: 16, name: 'outer' }, { file: 'q.spec', line: 14, name: 'inner' }] });
  });
});
