// Finds the anchor tools that tests and benchmarks compare flagdiff with. Never part of the package.
// scripts/diffconfig comes from Debian's linux-source-6.12 (installed by .ci/run); it is extracted
// from the source tarball once into node_modules/.cache, and run with Debian's /usr/bin/python3.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CACHE = fileURLToPath(new URL('../node_modules/.cache/flagdiff', import.meta.url));
const TARBALL = '/usr/src/linux-source-6.12.tar.xz';
export const PYTHON = '/usr/bin/python3';

/** Path of scripts/diffconfig, or undefined with `why` set. */
export function findDiffconfig() {
  if (process.env.FLAGDIFF_DIFFCONFIG) return process.env.FLAGDIFF_DIFFCONFIG;
  const extracted = `${CACHE}/linux-source-6.12/scripts/diffconfig`;
  if (existsSync(extracted)) return extracted;
  if (!existsSync(TARBALL) || !existsSync(PYTHON)) return undefined;
  mkdirSync(CACHE, { recursive: true });
  execFileSync('tar', ['-xJf', TARBALL, '-C', CACHE, 'linux-source-6.12/scripts/diffconfig']);
  return extracted;
}

export const DIFFCONFIG_MISSING =
  'scripts/diffconfig not found: install Debian package linux-source-6.12 (as .ci/run does) or set FLAGDIFF_DIFFCONFIG';

/** Oracles are optional on a developer machine, required where FLAGDIFF_REQUIRE_ORACLES is set (CI). */
export const ORACLES_REQUIRED = Boolean(process.env.FLAGDIFF_REQUIRE_ORACLES);

/** rpm's own spec parser (Debian package rpm, installed by .ci/run): `rpmspec --parse`. */
export const RPMSPEC = '/usr/bin/rpmspec';

/** Path of rpmspec, or undefined when it is not installed. */
export function findRpmspec() {
  if (process.env.FLAGDIFF_RPMSPEC) return process.env.FLAGDIFF_RPMSPEC;
  return existsSync(RPMSPEC) ? RPMSPEC : undefined;
}

export const RPMSPEC_MISSING = 'rpmspec not found: install Debian package rpm (as .ci/run does) or set FLAGDIFF_RPMSPEC';

/**
 * The shell and text tools the shell evaluator is compared with (Debian packages bash, coreutils, grep,
 * bc; .ci/run installs them). Tests run them on fixtures written for the tests, never on user input.
 */
export function findTool(name) {
  for (const dir of ['/usr/bin', '/bin']) if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  return undefined;
}

export const TOOL_MISSING = (name) => `${name} not found in /usr/bin or /bin: install it (.ci/run does)`;
