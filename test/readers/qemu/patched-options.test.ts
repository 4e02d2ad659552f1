import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optionsAddedBy, patchAccepting } from '../../../src/readers/qemu/patched-options.js';
import { fixture } from '../../helpers/corpus.js';

describe('optionsAddedBy: the case arms a patch adds to configure', () => {
  it("finds the added arms of configure, each at its line, and nothing in other files, removed or context lines", () => {
    const file = fixture('debian/patched/debian/patches/add-distro-release-option.patch');
    expect(optionsAddedBy(readFileSync(file, 'utf8'), file).map((o) => [o.spelling, o.origin.line])).toEqual([
      ['--with-distro-release=*', 16],
      ['--enable-distro-hardening', 18],
      ['--disable-distro-hardening', 18],
    ]);
  });

  it.each([
    // the patch's target and added line, what is found
    ['b/scripts/meson-buildoptions.sh', '+    --enable-foo) printf "%s" -Dfoo=enabled ;;', ['--enable-foo']],
    ['b/configure\t2024-01-01 00:00:00', '+  --rhel-version=*) rhel_version="$optarg"', ['--rhel-version=*']],
    ['b/configure', '+  --enable-git-update)', ['--enable-git-update']],
    ['b/configure.ac', '+  --enable-foo)', []],
    ['b/configure', '+  echo "--enable-foo) is not an arm"', []],
    ['b/configure', '+  case "$x" in', []],
    ['/dev/null', '+  --enable-foo)', []],
  ])('+++ %s with %j → %j', (target, line, spellings) => {
    const patch = `--- a/x\n+++ ${target}\n@@ -1,1 +1,2 @@\n context\n${line}\n`;
    expect(optionsAddedBy(patch, 'p.patch').map((o) => o.spelling)).toEqual(spellings);
  });
});

describe("optionsAddedBy: a patch that lets configure go on past options it does not know (Clear Linux's)", () => {
  const hunk = (lines: string) => `--- a/configure\n+++ b/configure\n@@ -616,7 +616,6 @@\n${lines}`;
  const message = '   if test $? -eq 1; then\n     echo "ERROR: unknown option $1"\n     echo "Try \'$0 --help\' for more information"\n';

  it('is every option (--*), at the removed exit', () => {
    const file = fixture('rpm/0001-Accept-options-configure-does-not-know.patch');
    expect(optionsAddedBy(readFileSync(file, 'utf8'), file).map((o) => [o.spelling, o.origin.line])).toEqual([['--*', 18]]);
  });

  it.each([
    ['the exit after the message removed', `${message}-    exit 1\n   fi\n`, ['--*']],
    ['5.2\'s catch-all arm, its exit removed', '   *)\n     echo "ERROR: unknown option $opt"\n-    exit 1\n   ;;\n', ['--*']],
    ['the exit put back with another status', `${message}-    exit 1\n+    exit 2\n   fi\n`, []],
    ['an exit removed far from the message', `${message}   fi\n   x=1\n   y=2\n   z=3\n-  exit 1\n`, []],
    ['the message removed, the exit kept', `   if test $? -eq 1; then\n-    echo "ERROR: unknown option $1"\n     exit 1\n`, []],
  ])('%s → %j', (_, lines, spellings) => {
    expect(optionsAddedBy(hunk(lines), 'p.patch').map((o) => o.spelling)).toEqual(spellings);
  });

  it('counts only in configure', () => {
    const patch = `--- a/tests/run.sh\n+++ b/tests/run.sh\n@@ -1,3 +1,2 @@\n${message}-    exit 1\n`;
    expect(optionsAddedBy(patch, 'p.patch')).toEqual([]);
  });
});

describe('a patch that adds arms by the million', () => {
  it('is read up to 1,000 of them', () => {
    const patch = `+++ b/configure\n${'+  --enable-x)\n'.repeat(200_000)}`;
    expect(optionsAddedBy(patch, 'flood.patch')).toHaveLength(1000);
  });
});

describe('patchAccepting', () => {
  const options = [
    { spelling: '--with-distro-release=*', origin: { file: 'p', line: 1 } },
    { spelling: '--enable-distro-hardening', origin: { file: 'p', line: 2 } },
  ];
  it.each([
    ['--with-distro-release=8.2', '--with-distro-release=*'],
    ['--enable-distro-hardening', '--enable-distro-hardening'],
    ['--enable-distro-hardening=yes', undefined],
    ['--with-distro', undefined],
  ])('%s → %s', (word, spelling) => {
    expect(patchAccepting(word, options)?.spelling).toBe(spelling);
  });

  it.each([
    ['--without-docs', '--*'],
    ['--with-distro-release=8.2', '--with-distro-release=*'],
    ['-Dno_such_option=enabled', undefined],
  ])('with a patch that ignores what configure does not know: %s → %s', (word, spelling) => {
    expect(patchAccepting(word, [...options, { spelling: '--*', origin: { file: 'p', line: 3 } }])?.spelling).toBe(spelling);
  });
});
