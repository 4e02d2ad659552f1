// dpkg's /usr/share/dpkg/pkg-info.mk as the oracle: GNU make includes it in a directory holding a
// debian/changelog and prints its variables; flagdiff must give the same values from the changelog text.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageInfoVariables } from '../../../src/readers/debian/pkg-info.js';
import { fixture } from '../../helpers/corpus.js';
import { DEBIAN_SERIES, debianPackaging, debianPackagingMissing, debianTool } from '../../helpers/debian-packaging.js';
import { ORACLES_REQUIRED } from '../../helpers/oracles.js';
import { tempDir } from '../../helpers/temp-dir.js';

const PKG_INFO = '/usr/share/dpkg/pkg-info.mk';
const pkgInfoMissing = `${PKG_INFO} not found: install Debian package dpkg-dev (as .ci/run does)`;
if (ORACLES_REQUIRED && !existsSync(PKG_INFO)) throw new Error(pkgInfoMissing);
const make = debianTool('make', 'make');
const NAMES = [
  'DEB_SOURCE',
  'DEB_VERSION',
  'DEB_VERSION_EPOCH_UPSTREAM',
  'DEB_VERSION_UPSTREAM_REVISION',
  'DEB_VERSION_UPSTREAM',
  'DEB_DISTRIBUTION',
  'SOURCE_DATE_EPOCH',
];

/** What make prints for each variable after `include pkg-info.mk`, with the changelog in debian/. */
function makeVariables(changelog: string): Record<string, string> {
  const dir = tempDir('flagdiff-pkg-info-');
  mkdirSync(join(dir, 'debian'));
  writeFileSync(join(dir, 'debian/changelog'), changelog);
  const makefile = `include ${PKG_INFO}\n${NAMES.map((name) => `$(info ${name}=$(${name}))`).join('\n')}\nall: ;\n`;
  writeFileSync(join(dir, 'print.mk'), makefile);
  // No SOURCE_DATE_EPOCH in the environment: pkg-info.mk only sets it when it is not set already.
  const run = spawnSync(make.path!, ['-s', '-f', 'print.mk'], { cwd: dir, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' }, encoding: 'utf8' });
  return Object.fromEntries(
    run.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

const ready = make.path && existsSync(PKG_INFO);
describe.skipIf(!ready)(`package variables against pkg-info.mk${ready ? '' : ` (skipped: ${make.missing}; ${pkgInfoMissing})`}`, () => {
  for (const series of DEBIAN_SERIES) {
    const debian = debianPackaging(series);
    it.skipIf(!debian)(`reads QEMU ${series}'s changelog as pkg-info.mk does${debian ? '' : ` (skipped: ${debianPackagingMissing(series)})`}`, () => {
      const text = readFileSync(join(debian!, 'changelog'), 'utf8');
      const expected = makeVariables(text);
      expect(expected.DEB_SOURCE).toBe('qemu');
      expect(packageInfoVariables(text)).toEqual(expected);
    });
  }

  it('splits a version with an epoch and a backports revision as pkg-info.mk does', () => {
    const text = readFileSync(fixture('debian/epoch.changelog'), 'utf8');
    const expected = makeVariables(text);
    expect(expected.DEB_VERSION_UPSTREAM).toBe('2.3+ds');
    expect(packageInfoVariables(text)).toEqual(expected);
  });

  it.each([
    // changelog text: no epoch or revision (a native package), a date without week day, no trailer, no entry at all
    ['native (2.0) unstable; urgency=low\n\n  * x\n\n -- A <a@b.c>  Sun, 29 Feb 2004 23:59:59 +1400\n'],
    ['p (0:1.0-1) experimental; urgency=low\n\n  * x\n\n -- A <a@b.c>  1 Dec 1999 00:00:00 -0000\n'],
    ['p (3-1-2) UNRELEASED; urgency=low\n\n  * x\n'],
    ['not a changelog\n'],
  ])('gives the variables pkg-info.mk gives for %j', (text) => {
    expect(packageInfoVariables(text)).toEqual(makeVariables(text));
  });
});
