// rpm and bash as the oracle for the builds: `rpmspec --parse --target ARCH` expands the spec, bash runs
// its %prep and %build in a scratch tree where `configure` is a stub recording its directory and
// arguments and the other commands do nothing. The builds flagdiff reads from the spec alone, without
// running anything, must be exactly those invocations: same directories, same words in the same order.
// Words flagdiff cannot know (a command's output) are only checked to be there.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { loadSpec } from '../../../src/readers/rpm/load-spec.js';
import { fixture } from '../../helpers/corpus.js';
import { rpmspec, rpmspecMissing, tool } from '../../helpers/oracles.js';
import { DISTRIBUTION_MACROS, HOST_MACROS, runRpmspec } from '../../helpers/rpmspec.js';
import { tempDir } from '../../helpers/temp-dir.js';

const bash = tool('bash');
const STUBS = ['make', 'cp', 'mv', 'cat', 'rm', 'sed', 'install', 'find', 'touch', 'git'];

interface Invocation {
  readonly dir: string;
  readonly args: readonly string[];
}

/**
 * The unpacked sources, as far as the stubs need them: the tree rpm's %setup enters (`source` when
 * the spec has no %setup) and the copies of it %prep makes, each with a recording `configure`.
 */
interface Trees {
  readonly tree?: string;
  readonly copies?: readonly string[];
}

/**
 * What rpm's %setup and %patch run by absolute path (%{__rpmuncompress}, %{__patch}, %{__chmod}):
 * pointed at a stub, as the sources they would unpack are not there.
 */
const unpackStubs = (root: string): Array<[string, string]> => ['__rpmuncompress', '__patch', '__chmod'].map((name) => [name, join(root, 'bin', 'true')]);

/** Runs the %prep and %build that rpm printed, in a scratch tree; returns what `configure` was called with. */
function runWithBash(parsed: string, root: string, { tree = 'source', copies = [] }: Trees = {}): Invocation[] {
  const source = join(root, tree);
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  const log = join(root, 'configure.log');
  for (const dir of [source, ...copies.map((copy) => join(root, copy))]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'configure'), `#!${bash.path}\n{ printf 'BUILD %s\\n' "$PWD"; for a in "$@"; do printf 'ARG %s\\n' "$a"; done; } >> "${log}"\n`);
    chmodSync(join(dir, 'configure'), 0o755);
  }
  for (const name of [...STUBS, 'true']) {
    writeFileSync(join(bin, name), `#!${bash.path}\nexit 0\n`);
    chmodSync(join(bin, name), 0o755);
  }
  writeFileSync(log, '');
  // rpm 4.18 prints %build right after %prep without its header: both run, in order, up to %check or %install.
  const script = parsed.slice(parsed.indexOf('\n%prep\n') + 7, parsed.search(/\n%(check|install)\n/) + 1);
  // The exit status is not checked: commands rpm's host would define (%make_build) are "not found" here.
  spawnSync(bash.path!, ['-c', script], { cwd: source, env: { PATH: `${bin}:/usr/bin:/bin`, HOME: root }, stdio: 'ignore' });
  const invocations: Array<{ dir: string; args: string[] }> = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (line.startsWith('BUILD ')) invocations.push({ dir: buildName(relative(source, line.slice(6))), args: [] });
    else if (line.startsWith('ARG ')) invocations[invocations.length - 1]!.args.push(line.slice(4));
  }
  return invocations;
}

/** A build's name as flagdiff gives it: its directory in the tree, the last part of one outside it. */
const buildName = (dir: string) => (dir === '' ? 'main' : dir.startsWith('..') ? basename(dir) : dir);

const ARCHES = ['x86_64', 'aarch64', 's390x', 'ppc64le'];
/** An unknown word flagdiff marks because a command's output is in it, as opposed to a macro left as written. */
const fromCommand = (unknown: string | undefined) => unknown !== undefined && !/^(%\S+ is not defined here[^;]*(; )?)+$/.test(unknown);

describe.skipIf(!rpmspec || !bash.path)(`builds against rpmspec and bash${rpmspec ? '' : ` (skipped: ${rpmspecMissing})`}${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  it.each([
    // spec under fixtures/rpm (or ../qemu), --define, text substituted as OBS does, builds expected on x86_64, trees
    ['fedora-like.spec', [['fedora', '39']], undefined, 2, {}],
    ['fedora-like.spec', [['rhel', '9']], undefined, 1, {}], // no static user build on RHEL
    ['mini-like.spec', [['fedora', '31']], undefined, 2, {}], // user_static is switched off by build_mini
    ['rhel-like.spec', [['rhel', '9']], undefined, 1, {}],
    ['../qemu/mini-2019.spec', [], undefined, 3, {}], // the specs flagdiff qemu's acceptance tests compare
    ['../qemu/mini-2020.spec', [], undefined, 2, {}],
    ['suse-like/qemu.spec', [['buildsubdir', 'source']], undefined, 1, {}],
    ['suse-like/qemu.spec', [['buildsubdir', 'source']], 'linux-user', 1, {}],
    // %setup, %configure, and a second build in a copy of the tree %prep makes
    ['clear-like.spec', [], undefined, 2, { tree: 'qemu-9.2.0', copies: ['build-v3'] }],
  ] as const)('%s with %j, flavour %s: %i builds on x86_64, as bash runs them, on four arches', async (name, defines, flavor, count, trees) => {
    const root = tempDir('flagdiff-builds-');
    const original = fixture(`rpm/${name}`);
    const spec = join(root, 'spec', name.split('/').pop()!);
    mkdirSync(join(root, 'spec'), { recursive: true });
    writeFileSync(spec, readFileSync(original, 'utf8').replace('@BUILD_FLAVOR@', flavor ?? '@BUILD_FLAVOR@'));
    if (name.startsWith('suse-like/')) copyFileSync(fixture('rpm/suse-like/common.inc'), join(root, 'spec', 'common.inc'));
    const all = [['_builddir', root], ...defines] as const;
    for (const arch of ARCHES) {
      const host = [...HOST_MACROS.filter(([n]) => n !== '_builddir'), ...DISTRIBUTION_MACROS, ...unpackStubs(root), ['_sourcedir', join(root, 'spec')]] as const;
      const rpm = runRpmspec('', { arch, defines: [...host, ...all] }, spec);
      expect(rpm.status, rpm.stderr).toBe(0);
      const expected = runWithBash(rpm.stdout, root, trees);
      const [reading] = await loadSpec(spec, nodeHost(), { arches: [arch], defines: all });
      const builds = reading!.builds;
      if (arch === 'x86_64') expect(builds).toHaveLength(count);
      expect(builds.map((b) => b.id)).toEqual(expected.map((e) => e.dir));
      builds.forEach((build, i) => {
        const args = expected[i]!.args;
        expect(build.argv.map((a, k) => (fromCommand(a.unknown) ? args[k] : a.text))).toEqual(args);
      });
    }
  });

  it.each([
    ['as written', (text: string) => text],
    ['with Windows line ends', (text: string) => text.replace(/\n/g, '\r\n')],
  ])("reads a distribution's macro file (--load) %s as rpmspec --load does, and runs nothing in it", async (_, lineEnds) => {
    const root = tempDir('flagdiff-builds-');
    const spec = fixture('rpm/with-distro-macros.spec');
    const macros = join(root, 'distro.macros');
    writeFileSync(macros, lineEnds(readFileSync(fixture('rpm/macros/distro.macros'), 'utf8')));
    for (const arch of ARCHES) {
      const rpm = runRpmspec('', { arch, load: [macros], defines: [...HOST_MACROS, ['fedora', '40']] }, spec);
      expect(rpm.status, rpm.stderr).toBe(0);
      const expected = runWithBash(rpm.stdout, root);
      const [reading] = await loadSpec(spec, nodeHost(), { arches: [arch], macroFiles: [macros], defines: [['fedora', '40']] });
      const args = expected[0]!.args;
      expect(reading!.builds).toHaveLength(1);
      expect(reading!.builds[0]!.argv.map((a, k) => (fromCommand(a.unknown) ? args[k] : a.text))).toEqual(args);
    }
    expect(existsSync('flagdiff-ran-a-macro-file-command')).toBe(false);
  });
});
