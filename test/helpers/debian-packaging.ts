/**
 * Debian's QEMU packaging (debian/control, changelog, rules, extract-config-opts) of 5.2 (bullseye), 7.2
 * (bookworm) and 10.0 (trixie), extracted at run time from the .debian.tar.xz that .ci/run downloads, never kept in the
 * repository; and the Debian tools the debian/ readers are compared with. Missing is a skip with the
 * reason on a developer machine and a failure in CI.
 */
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { ORACLES_REQUIRED, PROGRAM_MISSING, debianPackagingMissing as missingMessage, findDebianPackaging, findProgram } from '../../scripts/oracles.mjs';

export type DebianSeries = '5.2' | '7.2' | '10.0';
export const DEBIAN_SERIES: readonly DebianSeries[] = ['5.2', '7.2', '10.0'];

export const debianPackagingMissing = (series: DebianSeries): string => missingMessage(series) as string;

/** The extracted `debian/` directory of that series, under node_modules/.cache/flagdiff/debian-<series>/; extracted once. */
export function debianPackaging(series: DebianSeries): string | undefined {
  const dir = findDebianPackaging(series) as string | undefined;
  if (!dir && ORACLES_REQUIRED) throw new Error(debianPackagingMissing(series));
  return dir;
}

/** A Debian tool on PATH (dpkg-architecture, dh_listpackages, make, sh) and the package that installs it. */
export function debianTool(name: string, pkg: string): { path: string | undefined; missing: string } {
  const path = findProgram(name) as string | undefined;
  const missing = PROGRAM_MISSING(name, pkg) as string;
  if (ORACLES_REQUIRED && !path) throw new Error(missing);
  return { path, missing };
}
