/**
 * Debian's QEMU packaging (debian/control, changelog, rules, extract-config-opts) of 7.2 (bookworm) and
 * 10.0 (trixie), extracted at run time from the .debian.tar.xz that .ci/run downloads, never kept in the
 * repository; and the Debian tools the debian/ readers are compared with. Missing is a skip with the
 * reason on a developer machine and a failure in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { ORACLES_REQUIRED, PROGRAM_MISSING, QEMU_SOURCES, findProgram } from '../../scripts/oracles.mjs';

export type DebianSeries = '7.2' | '10.0';
export const DEBIAN_SERIES: readonly DebianSeries[] = ['7.2', '10.0'];
const TARBALL_PREFIX: Readonly<Record<DebianSeries, string>> = { '7.2': 'qemu_7.2+dfsg', '10.0': 'qemu_10.0' };

export const debianPackagingMissing = (series: DebianSeries): string =>
  `no Debian QEMU ${series} packaging: run .ci/run (apt-get source --download-only qemu into ${QEMU_SOURCES as string})`;

/** The extracted `debian/` directory of that series, under node_modules/.cache/flagdiff/debian-<series>/; extracted once. */
export function debianPackaging(series: DebianSeries): string | undefined {
  const dir = join(dirname(QEMU_SOURCES as string), `debian-${series}`, 'debian');
  if (existsSync(join(dir, 'control'))) return dir;
  const sources = QEMU_SOURCES as string;
  const tarball = existsSync(sources) ? readdirSync(sources).find((f) => f.startsWith(TARBALL_PREFIX[series]) && f.includes('.debian.tar.')) : undefined;
  if (!tarball) {
    if (ORACLES_REQUIRED) throw new Error(debianPackagingMissing(series));
    return undefined;
  }
  // Test files run in parallel: each extracts into its own directory, and the first rename wins.
  mkdirSync(dirname(dir), { recursive: true });
  const scratch = mkdtempSync(join(dirname(dir), 'extract-'));
  execFileSync('tar', ['-xf', join(sources, tarball), '-C', scratch]);
  try {
    renameSync(join(scratch, 'debian'), dir);
  } catch (error) {
    if (!existsSync(join(dir, 'control'))) throw error;
  }
  rmSync(scratch, { recursive: true, force: true });
  return dir;
}

/** A Debian tool on PATH (dpkg-architecture, dh_listpackages, make, sh) and the package that installs it. */
export function debianTool(name: string, pkg: string): { path: string | undefined; missing: string } {
  const path = findProgram(name) as string | undefined;
  const missing = PROGRAM_MISSING(name, pkg) as string;
  if (ORACLES_REQUIRED && !path) throw new Error(missing);
  return { path, missing };
}
