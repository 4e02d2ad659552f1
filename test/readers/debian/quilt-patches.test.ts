// Debian's patches to QEMU's configure: the options they add, from debian/patches/series. Oracle: GNU
// patch applying bullseye's real series to upstream 5.2's configure, whose option loop then has the
// arms flagdiff reads from the diffs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { QEMU_SOURCES } from '../../../scripts/oracles.mjs';
import { nodeHost } from '../../../src/cli/node-host.js';
import { confinedHost } from '../../../src/readers/confined-host.js';
import { quiltPatchOptions, seriesPatches } from '../../../src/readers/debian/quilt-patches.js';
import { fixture } from '../../helpers/corpus.js';
import { debianPackaging, debianPackagingMissing } from '../../helpers/debian-packaging.js';
import { patch, patchMissing } from '../../helpers/oracles.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('debian/patches/series', () => {
  it('lists the patch names in order, without comments, blank lines and quilt options', () => {
    expect(seriesPatches('# head\na.patch -p1\n\n  b.diff  # why\n#c.patch\nd.patch\n')).toEqual(['a.patch', 'b.diff', 'd.patch']);
  });

  it('gives the options the listed patches add to configure, each at its patch line; a patch that is not there adds none', async () => {
    const { options, diagnostics } = await quiltPatchOptions(fixture('debian/patched'), nodeHost());
    expect(diagnostics).toEqual([]);
    expect(options.map((o) => `${o.spelling} ${o.origin.file.split('/').pop()}:${o.origin.line}`)).toEqual([
      '--with-distro-release=* add-distro-release-option.patch:16',
      '--enable-distro-hardening add-distro-release-option.patch:18',
      '--disable-distro-hardening add-distro-release-option.patch:18',
    ]);
    expect(await quiltPatchOptions(fixture('debian/build-only'), nodeHost())).toEqual({ options: [], diagnostics: [] });
  });

  it('refuses a patch the series names outside the tree (FD157), and reads the others', async () => {
    const tree = tempDir('flagdiff-series-');
    cpSync(fixture('debian/patched'), tree, { recursive: true });
    const series = join(tree, 'debian', 'patches', 'series');
    writeFileSync(series, `../../../etc/passwd\n${readFileSync(series, 'utf8')}`);
    const { options, diagnostics } = await quiltPatchOptions(tree, confinedHost(nodeHost(), tree));
    expect(diagnostics.map((d) => d.code)).toEqual(['FD157']);
    expect(options.map((o) => o.spelling)).toEqual(['--with-distro-release=*', '--enable-distro-hardening', '--disable-distro-hardening']);
  });
});

const SERIES = { '5.2': 'qemu_5.2+dfsg.orig.tar.', '7.2': 'qemu_7.2+dfsg.orig.tar.', '10.0': 'qemu_10.0.13+ds.orig.tar.' } as const;
const sources = existsSync(QEMU_SOURCES) ? readdirSync(QEMU_SOURCES) : [];

/** The spellings of the arms of configure's option loop (its last `for opt do`; the first reads a few early). */
function arms(configure: string): Set<string> {
  const start = configure.lastIndexOf('\nfor opt do');
  const loop = configure.slice(start, configure.indexOf('\ndone', start));
  return new Set([...loop.matchAll(/^\s+(--[A-Za-z0-9][\w=*|-]*)\)/gm)].flatMap((m) => m[1]!.split('|')));
}

describe.each(Object.entries(SERIES))("Debian's QEMU %s patches, applied by GNU patch to upstream's configure", (series, prefix) => {
  const packaging = debianPackaging(series as '5.2' | '7.2' | '10.0');
  const tarball = sources.find((f: string) => f.startsWith(prefix));
  const missing = [!packaging && debianPackagingMissing(series as '5.2'), !patch && patchMissing, !tarball && `no QEMU ${series} orig tarball in ${QEMU_SOURCES}: run .ci/run`].filter(Boolean);

  it.skipIf(missing.length > 0)(`add only arms flagdiff reads, and flagdiff reads none the patched configure lacks${missing.length ? ` (skipped: ${missing.join('; ')})` : ''}`, async () => {
    const work = tempDir('flagdiff-quilt-');
    execFileSync('tar', ['-xf', join(QEMU_SOURCES, tarball!), '-C', work, '--strip-components=1', '--wildcards', '*/configure']);
    const upstream = arms(readFileSync(join(work, 'configure'), 'utf8'));
    // Patches to files this scratch tree lacks are skipped by patch (-f); configure's hunks apply.
    for (const name of seriesPatches(readFileSync(join(packaging!, 'patches', 'series'), 'utf8'))) {
      spawnSync(patch!, ['-p1', '-f', '-s', '-i', join(packaging!, 'patches', name)], { cwd: work, stdio: 'ignore' });
    }
    const patched = arms(readFileSync(join(work, 'configure'), 'utf8'));
    const read = new Set((await quiltPatchOptions(join(packaging!, '..'), nodeHost())).options.map((o) => o.spelling));
    const added = [...patched].filter((s) => !upstream.has(s));
    // bullseye backports --with-git-submodules (FD249's example); the later series add no option.
    expect(added).toEqual(series === '5.2' ? ['--with-git-submodules=*'] : []);
    expect(added.filter((s) => !read.has(s))).toEqual([]);
    expect([...read].filter((s) => !patched.has(s))).toEqual([]);
  });
});
