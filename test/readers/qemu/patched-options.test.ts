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
});
