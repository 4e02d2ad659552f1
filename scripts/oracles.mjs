// Finds the anchor tools that tests and benchmarks compare flagdiff with. Never part of the package.
// scripts/diffconfig comes from Debian's linux-source-6.12 (installed by .ci/run); it is extracted
// from the source tarball once into node_modules/.cache, and run with Debian's /usr/bin/python3.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** A program on PATH, or undefined: GitHub's own Markdown renderer (Debian cmark-gfm) and GNU patch. */
export function findProgram(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

export const PROGRAM_MISSING = (name, pkg) => `${name} not found: install Debian package ${pkg} (as .ci/run does)`;

// QEMU source trees, for the device layer and the QEMU knowledge: Debian's source packages of QEMU 5.2 (bullseye), 7.2 (bookworm) and
// 10.0 (trixie), which .ci/run downloads with `apt-get source --download-only` into QEMU_SOURCES,
// and 10.2 (sid's 10.2.2, the newest whose source is in Debian's pool), which it downloads by URL.
// Only what minikconf and the QEMU knowledge read is extracted (Kconfig files, device and target
// configs, meson.build, VERSION, scripts/minikconf.py, util/cutils.c), once, into node_modules/.cache.
export const QEMU_SOURCES = `${CACHE}/qemu-sources`;
const QEMU_SERIES = { '5.2': 'qemu_5.2+dfsg', '7.2': 'qemu_7.2+dfsg', '10.0': 'qemu_10.0', '10.2': 'qemu_10.2' };
const TREE_MEMBERS = ['*Kconfig*', '*/configs/*', '*/scripts/minikconf.py', '*/VERSION', '*/meson.build', '*/util/cutils.c'];

/** Path of an extracted QEMU tree of that series ('5.2', '7.2', '10.0', '10.2'), or undefined. */
export function findQemuTree(series) {
  const override = process.env[`FLAGDIFF_QEMU_TREE_${series.replace('.', '_')}`];
  if (override) return override;
  const dir = `${CACHE}/qemu-${series}`;
  // A tree extracted before util/cutils.c was a member is extracted again.
  if (existsSync(`${dir}/scripts/minikconf.py`) && existsSync(`${dir}/util/cutils.c`)) return dir;
  const prefix = QEMU_SERIES[series];
  const tarball = existsSync(QEMU_SOURCES) ? readdirSync(QEMU_SOURCES).find((f) => f.startsWith(prefix) && f.includes('.orig.tar.')) : undefined;
  if (!tarball) return undefined;
  mkdirSync(dir, { recursive: true });
  // roms/ and subprojects/ hold other projects' Kconfig files (u-boot, edk2), which QEMU's Kconfig never sources.
  const excludes = ['--exclude=*/roms/*', '--exclude=*/subprojects/*', '--exclude=*/tests/*'];
  execFileSync('tar', ['-xf', `${QEMU_SOURCES}/${tarball}`, '-C', dir, '--strip-components=1', ...excludes, '--wildcards', ...TREE_MEMBERS]);
  return dir;
}

// What the configure vocabulary is read from (scripts/generate-qemu-options.mjs), in the same source
// packages and bullseye's 5.2: configure, meson_options.txt, scripts/meson-buildoptions.sh, VERSION.
const CONFIGURE_SERIES = QEMU_SERIES;
const CONFIGURE_MEMBERS = ['*/VERSION', '*/configure', '*/meson_options.txt', '*/scripts/meson-buildoptions.sh'];

/** Path of a directory holding those files of that series ('5.2', '7.2', '10.0', '10.2'), or undefined. */
export function findConfigureTree(series) {
  const dir = `${CACHE}/qemu-configure-${series}`;
  if (existsSync(`${dir}/configure`)) return dir;
  const prefix = CONFIGURE_SERIES[series];
  const tarball = existsSync(QEMU_SOURCES) ? readdirSync(QEMU_SOURCES).find((f) => f.startsWith(prefix) && f.includes('.orig.tar.')) : undefined;
  if (!tarball) return undefined;
  mkdirSync(dir, { recursive: true });
  const excludes = ['--exclude=*/roms/*', '--exclude=*/subprojects/*', '--exclude=*/tests/*', '--exclude=*/python/*'];
  // 5.2 has no scripts/meson-buildoptions.sh: tar's exit status for a member it does not find is ignored.
  spawnSync('tar', ['-xf', `${QEMU_SOURCES}/${tarball}`, '-C', dir, '--strip-components=1', ...excludes, '--wildcards', ...CONFIGURE_MEMBERS]);
  return existsSync(`${dir}/configure`) ? dir : undefined;
}

// Debian's QEMU packaging (the debian/ directory: rules, control, changelog, extract-config-opts) of the
// same source packages and bullseye's 5.2, from their .debian.tar.xz, extracted once: the debian/
// readers' oracle input.
const DEBIAN_SERIES_TARBALL = { '5.2': 'qemu_5.2+dfsg', '7.2': 'qemu_7.2+dfsg', '10.0': 'qemu_10.0' };

/** Path of an extracted `debian/` directory of that series ('7.2', '10.0'), or undefined. */
export function findDebianPackaging(series) {
  const dir = `${CACHE}/debian-${series}/debian`;
  if (existsSync(`${dir}/control`)) return dir;
  const prefix = DEBIAN_SERIES_TARBALL[series];
  const tarball = existsSync(QEMU_SOURCES) ? readdirSync(QEMU_SOURCES).find((f) => f.startsWith(prefix) && f.includes('.debian.tar.')) : undefined;
  if (!tarball) return undefined;
  // Test files run in parallel: each extracts into a directory of its own, and the first rename wins.
  mkdirSync(dirname(dir), { recursive: true });
  const scratch = mkdtempSync(`${dirname(dir)}/extract-`);
  execFileSync('tar', ['-xf', `${QEMU_SOURCES}/${tarball}`, '-C', scratch]);
  try {
    renameSync(`${scratch}/debian`, dir);
  } catch (error) {
    if (!existsSync(`${dir}/control`)) throw error;
  }
  rmSync(scratch, { recursive: true, force: true });
  return dir;
}

export const debianPackagingMissing = (series) => `no Debian QEMU ${series} packaging: run .ci/run (apt-get source --download-only qemu into ${QEMU_SOURCES})`;

export const configureTreeMissing = (series) => `no QEMU ${series} source package: run .ci/run (it downloads Debian's QEMU sources into ${QEMU_SOURCES})`;

export const qemuTreeMissing = (series) =>
  `no QEMU ${series} source tree: run .ci/run (it downloads Debian's QEMU sources into ${QEMU_SOURCES}) or set FLAGDIFF_QEMU_TREE_${series.replace('.', '_')}`;
