/**
 * debian/rules read into builds, against GNU make itself: Debian's real QEMU packaging (bookworm's 7.2,
 * trixie's 10.0) is built with `make -f debian/rules build-arch` in a scratch tree, with Debian's real
 * tools (dh_listpackages, dpkg-architecture, dpkg-buildflags, the package's own extract-config-opts),
 * and a stand-in `configure` that records where it runs and what it is given. ninja, meson,
 * sphinx-build and tar are stand-ins too (they build nothing). flagdiff, which runs none of it, must
 * find the same configure invocations in the same order, word for word.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { debianArchOf, dpkgArchitectureVariables } from '../../../src/readers/debian/debian-arch.js';
import { loadDebianRules } from '../../../src/readers/debian/load-debian-rules.js';
import type { Build } from '../../../src/model/build.js';
import { DEBIAN_SERIES, debianPackaging, debianPackagingMissing, debianTool } from '../../helpers/debian-packaging.js';
import { tempDir } from '../../helpers/temp-dir.js';

const make = debianTool('make', 'make');
const dh = debianTool('dh_listpackages', 'debhelper');
const buildflags = debianTool('dpkg-buildflags', 'dpkg-dev');
const ARCHES = ['x86_64', 'aarch64', 's390x', 'ppc64le'];
const VENDORS = ['debian', 'ubuntu'] as const;
type Vendor = (typeof VENDORS)[number];
const CASES = VENDORS.flatMap((vendor) => ARCHES.map((arch) => [vendor, arch] as const));

interface Recorded {
  readonly id: string;
  readonly argv: readonly string[];
}

/** A scratch source tree holding the packaging, a recording configure and the tools that would build. */
function scratchTree(debian: string): { tree: string; stubs: string; record: string } {
  const tree = tempDir('flagdiff-deb-');
  cpSync(debian, join(tree, 'debian'), { recursive: true });
  const record = join(tree, 'configure-calls.jsonl');
  writeFileSync(join(tree, 'configure'), `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(record)}, JSON.stringify({ cwd: process.cwd(), argv: process.argv.slice(2) }) + '\\n');\n`);
  chmodSync(join(tree, 'configure'), 0o755);
  for (const cpu of ['x86_64', 'aarch64', 's390x', 'powerpc64le']) mkdirSync(join(tree, `configs/devices/${cpu}-softmmu`), { recursive: true });
  const stubs = join(tree, 'stubs');
  mkdirSync(stubs);
  for (const tool of ['ninja', 'meson', 'sphinx-build', 'tar']) {
    writeFileSync(join(stubs, tool), '#!/bin/sh\nexit 0\n');
    chmodSync(join(stubs, tool), 0o755);
  }
  return { tree, stubs, record };
}

/**
 * What GNU make runs for `build-arch` on a native build for `arch`: each configure call, named by its
 * directory. On Ubuntu, dpkg-vendor says so, and debian/control is made again from control-in first,
 * by the rules' own recipe, as Ubuntu's source package has it.
 */
function gnuMakeBuilds(debian: string, arch: string, vendor: Vendor, goal = 'build-arch'): Recorded[] {
  const { tree, stubs, record } = scratchTree(debian);
  const variables = dpkgArchitectureVariables(debianArchOf(arch)!)!;
  const env = { ...variables, PATH: `${stubs}:/usr/bin:/bin`, LC_ALL: 'C', DEB_BUILD_OPTIONS: '', HOME: tree };
  if (vendor === 'ubuntu') {
    // dpkg-vendor as on Ubuntu: it derives from Ubuntu and from Debian, and names itself Ubuntu.
    writeFileSync(join(stubs, 'dpkg-vendor'), '#!/bin/sh\ncase "$1 $2" in "--derives-from Ubuntu"|"--derives-from Debian") exit 0;; "--query vendor") echo Ubuntu; exit 0;; esac\nexit 1\n');
    chmodSync(join(stubs, 'dpkg-vendor'), 0o755);
    const control = spawnSync(make.path!, ['-B', '-f', 'debian/rules', 'debian/control'], { cwd: tree, env, encoding: 'utf8' });
    if (control.status !== 0) throw new Error(`make debian/control failed: ${control.stderr}`);
  }
  // A build-dependency's file (qemu-user's vdso archive) is taken as present, as on a build machine.
  const run = spawnSync(make.path!, ['-i', '-o', '/usr/share/qemu/linux-user-vdso.tar.gz', '-f', 'debian/rules', goal], { cwd: tree, env, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`make failed: ${run.stderr}`);
  if (!existsSync(record)) return [];
  return readFileSync(record, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { cwd: string; argv: string[] })
    // flagdiff names a build run in the tree itself `main`.
    .map(({ cwd, argv }) => ({ id: relative(tree, cwd) || 'main', argv }));
}

/**
 * A word flagdiff could not evaluate (the compiler flags dpkg-buildflags gives) is compared up to
 * the unknown part: the part flagdiff knows must be where make has it.
 */
function comparable(ours: Build, theirs: Recorded): Recorded {
  return {
    id: ours.id,
    argv: ours.argv.map((word, i) => {
      const made = theirs.argv[i] ?? '';
      if (!word.unknown) return word.text;
      const known = word.text.trimEnd();
      return made.startsWith(known.split(' ')[0]!) ? made : `${word.text} (unknown: ${word.unknown})`;
    }),
  };
}

describe.each(DEBIAN_SERIES)('Debian QEMU %s packaging against GNU make and Debian tools', (series) => {
  const debian = debianPackaging(series);
  const missing = !debian ? debianPackagingMissing(series) : !make.path ? make.missing : !dh.path ? dh.missing : !buildflags.path ? buildflags.missing : undefined;
  it.skipIf(missing !== undefined).each(CASES)(`%s build-arch on %s runs the same configure invocations (${missing ?? 'oracles found'})`, async (vendor, arch) => {
    const expected = gnuMakeBuilds(debian!, arch, vendor);
    expect(expected.length).toBeGreaterThan(0);
    const [reading] = await loadDebianRules(dirname(debian!), nodeHost(), { arches: [arch], vendor });
    expect(reading!.builds.map((b, i) => comparable(b, expected[i] ?? { id: '', argv: [] }))).toEqual(expected);
    // The only words not known are the compiler and linker flags of the build machine's dpkg.
    const unknown = reading!.builds.flatMap((b) => b.argv.filter((a) => a.unknown).map((a) => a.text.split('=')[0]));
    expect(new Set(unknown)).toEqual(new Set(['--extra-cflags', '--extra-ldflags']));
    // Ubuntu's options come from debian/control as made from control-in for Ubuntu, not Debian's copy.
    const optionFiles = new Set(reading!.builds.flatMap((b) => b.argv.map((a) => a.origin.file.split('/').pop())));
    expect(optionFiles.has('control-in')).toBe(vendor === 'ubuntu' && existsSync(join(debian!, 'control-in')));
  }, 120_000);
});

describe('packagings of our own against GNU make and Debian tools', () => {
  const missing = !make.path ? make.missing : !dh.path ? dh.missing : !buildflags.path ? buildflags.missing : undefined;
  it.skipIf(missing !== undefined).each([
    ['fixtures/debian/qemu-like', 'build-arch', 'x86_64', 'debian'],
    ['fixtures/debian/qemu-like', 'build-arch', 'aarch64', 'ubuntu'],
    ['fixtures/debian/build-only', 'build', 'x86_64', 'debian'],
    ['fixtures/debian/build-only', 'build', 's390x', 'ubuntu'],
    // debian/rules build-arch goes to dh through `%:`; dh runs the overrides and dh_auto_configure.
    ['fixtures/debian/dh-style', 'build-arch', 'x86_64', 'debian'],
    ['fixtures/debian/dh-style', 'build-arch', 'ppc64le', 'debian'],
    // dh alone, compat 10 from debian/compat: dh_auto_configure's defaults for that level, in the tree.
    ['fixtures/debian/dh-plain', 'build-arch', 'aarch64', 'debian'],
  ] as const)(`%s (%s) on %s as %s runs the same configure invocations (${missing ?? 'oracles found'})`, async (tree, goal, arch, vendor) => {
    const expected = gnuMakeBuilds(join(tree, 'debian'), arch, vendor, goal);
    expect(expected.length).toBeGreaterThan(0);
    const [reading] = await loadDebianRules(tree, nodeHost(), { arches: [arch], vendor });
    expect(reading!.builds.map((b, i) => comparable(b, expected[i] ?? { id: '', argv: [] }))).toEqual(expected);
  });
});

describe('the QEMU version a packaging builds', () => {
  it.each([
    ['fixtures/debian/build-only', '8.2.2'],
    ['fixtures/debian/dh-plain', '7.2.0'],
  ])("is %s's debian/changelog's upstream version, though its rules never include pkg-info.mk", async (tree, version) => {
    expect(readFileSync(join(tree, 'debian/rules'), 'utf8')).not.toContain('pkg-info.mk');
    const [reading] = await loadDebianRules(tree, nodeHost(), { arches: ['x86_64'] });
    expect(reading!.version).toBe(version);
  });

  it('drops an epoch of any size and the Debian revision', async () => {
    const tree = tempDir('flagdiff-epoch-');
    cpSync('fixtures/debian/build-only', tree, { recursive: true });
    const changelog = join(tree, 'debian/changelog');
    writeFileSync(changelog, readFileSync(changelog, 'utf8').replace(/^qemu-single \([^)]*\)/, 'qemu-single (100:7.1.0+ds-1~bpo1)'));
    const [reading] = await loadDebianRules(tree, nodeHost(), { arches: ['x86_64'] });
    expect(reading!.version).toBe('7.1.0');
  });
});
