// debhelper's dh_listpackages as the oracle: in a scratch directory holding only debian/control, with
// DEB_HOST_ARCH (which dpkg-architecture, and so debhelper, takes from the environment) and
// DEB_BUILD_PROFILES set, it prints the binary packages a build makes. flagdiff must list the same.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBIAN_ARCHES } from '../../../src/readers/debian/debian-arch.js';
import { parseDebianControl } from '../../../src/readers/debian/debian-control.js';
import { listPackages } from '../../../src/readers/debian/list-packages.js';
import { DEBIAN_SERIES, debianPackaging, debianPackagingMissing, debianTool } from '../../helpers/debian-packaging.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dh = debianTool('dh_listpackages', 'debhelper');

/** dh_listpackages for a native build on `arch`, in a directory holding that control file only. */
function dhListPackages(control: string, arch: string, profiles: readonly string[] = []): string[] {
  const dir = tempDir('flagdiff-dh-');
  mkdirSync(join(dir, 'debian'));
  copyFileSync(control, join(dir, 'debian/control'));
  const env: Record<string, string> = { PATH: '/usr/bin:/bin', DEB_HOST_ARCH: arch, LC_ALL: 'C' };
  if (profiles.length > 0) env.DEB_BUILD_PROFILES = profiles.join(' ');
  const run = spawnSync(dh.path!, [], { cwd: dir, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`dh_listpackages failed: ${run.stderr}`);
  return run.stdout.split('\n').filter(Boolean);
}

/** Every kind of Architecture word and Build-Profiles formula debhelper evaluates. */
const WILDCARDS = `Source: demo
Build-Depends: debhelper-compat (= 13)

${[
  ['any-all', 'any'],
  ['indep', 'all'],
  ['linux', 'linux-any'],
  ['x86', 'any-amd64 any-i386'],
  ['arm', 'any-arm'],
  ['gnu', 'gnu-any-any'],
  ['musl', 'musl-linux-any'],
  ['eabihf', 'eabihf-any-any-any'],
  ['kfreebsd', 'kfreebsd-any'],
  ['prefixed', 'linux-arm64 linux-s390x'],
  ['named', 'ppc64el\n riscv64'],
  ['other', 'hurd-amd64 x32'],
]
  .map(([name, arch]) => `Package: pkg-${name}\nArchitecture: ${arch}\nDescription: d\n d\n`)
  .join('\n')}
Package: pkg-unless-nocheck
Architecture: any
Build-Profiles: <!nocheck>
Description: d
 d

Package: pkg-either
Architecture: all
Build-Profiles: <!nocheck> <pkg.demo.extra>
Description: d
 d

Package: pkg-both
Architecture: any
Build-Profiles: <pkg.demo.extra !nodoc>
Description: d
 d

Package: pkg-no-group
Architecture: any
Build-Profiles: <>
Description: d
 d
`;

describe.skipIf(!dh.path)(`listPackages against dh_listpackages${dh.path ? '' : ` (skipped: ${dh.missing})`}`, () => {
  for (const series of DEBIAN_SERIES) {
    const debian = debianPackaging(series);
    describe.skipIf(!debian)(`QEMU ${series}${debian ? '' : ` (skipped: ${debianPackagingMissing(series)})`}`, () => {
      // A skipped suite's body still runs to collect its tests: read nothing when the packaging is missing.
      const file = join(debian ?? '.', 'control');
      const control = debian ? parseDebianControl(readFileSync(file, 'utf8'), 'debian/control') : parseDebianControl('', 'none');

      it.each(DEBIAN_ARCHES)('lists the packages dh_listpackages lists on %s', (arch) => {
        const expected = dhListPackages(file, arch);
        expect(expected).toContain('qemu-guest-agent');
        expect(listPackages(control, arch)).toEqual(expected);
      });

      it.each([['pkg.qemu.omit-system'], ['pkg.qemu.omit-user', 'pkg.qemu.omit-system-xen']])('follows the build profiles %s', (...profiles) => {
        expect(listPackages(control, 'amd64', { profiles })).toEqual(dhListPackages(file, 'amd64', profiles));
      });
    });
  }

  const fixture = join(tempDir('flagdiff-dh-fixture-'), 'control');
  writeFileSync(fixture, WILDCARDS);
  const control = parseDebianControl(WILDCARDS, 'debian/control');
  it.each(DEBIAN_ARCHES)('matches arch wildcards as dh_listpackages does on %s', (arch) => {
    expect(listPackages(control, arch)).toEqual(dhListPackages(fixture, arch));
  });

  const profileSets = [[[]], [['nocheck']], [['pkg.demo.extra']], [['nocheck', 'pkg.demo.extra']], [['pkg.demo.extra', 'nodoc']]];
  it.each(profileSets)('evaluates Build-Profiles as dh_listpackages does for %j', (profiles: string[]) => {
    expect(listPackages(control, 'amd64', { profiles })).toEqual(dhListPackages(fixture, 'amd64', profiles));
  });
});

describe('listPackages for an arch outside the table', () => {
  it('matches it only by name, as dpkg matches an arch it has no tuple for', () => {
    const control = parseDebianControl('Source: q\n\nPackage: a\nArchitecture: linux-any\n\nPackage: b\nArchitecture: vax\n', 'debian/control');
    expect(listPackages(control, 'vax')).toEqual(['b']);
  });
});
