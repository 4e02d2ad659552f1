#!/usr/bin/env node
// npm run bench: `flagdiff show debian/rules` reading Debian's QEMU packaging (bookworm's 7.2, trixie's
// 10.0) for one and for four arches, against GNU make reading the same rules with Debian's own tools
// (`make -n -i -f debian/rules build-arch`: it runs dh_listpackages, dpkg-buildflags and the package's
// extract-config-opts through $(shell) and prints the recipes, configure lines included), once per
// arch, in dpkg-buildpackage's environment for a native build. Whole processes, run in turns, medians.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { debianPackagingMissing, findDebianPackaging, findProgram } from '../scripts/oracles.mjs';
import { scratchDir } from './scratch-dir.mjs';
import { timeProcesses } from './time-process.mjs';

const CLI = new URL('../dist/cli/cli.cjs', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const ARCHES = { x86_64: 'amd64', aarch64: 'arm64', s390x: 's390x', ppc64le: 'ppc64el' };
for (const [tool, pkg] of [['make', 'make'], ['dh_listpackages', 'debhelper'], ['dpkg-architecture', 'dpkg-dev']]) {
  if (!findProgram(tool)) {
    console.error(`${tool} not found: install Debian package ${pkg} (as .ci/run does)`);
    process.exit(2);
  }
}

/** dpkg-buildpackage's variables for a native build on `debianArch` (the build arch is the host arch). */
function nativeEnvironment(debianArch) {
  const variables = Object.fromEntries(execFileSync('dpkg-architecture', ['-a', debianArch, '-f'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').map((l) => l.split('=')));
  for (const name of Object.keys(variables)) if (name.startsWith('DEB_HOST_')) variables[name.replace('HOST', 'BUILD')] = variables[name];
  return Object.entries(variables).map(([name, value]) => `${name}=${value}`);
}

const rows = [];
for (const series of ['7.2', '10.0']) {
  const debian = findDebianPackaging(series);
  if (!debian) {
    console.error(`${debianPackagingMissing(series)}; its rows are left out`);
    continue;
  }
  // A tree as a build sees it: the packaging, and QEMU's configure (a prerequisite of the configure rules).
  const tree = scratchDir(`flagdiff-bench-debian-${series}-`);
  cpSync(debian, join(tree, 'debian'), { recursive: true });
  writeFileSync(join(tree, 'configure'), '#!/bin/sh\n');
  chmodSync(join(tree, 'configure'), 0o755);
  const make = (debianArch) => [
    'env',
    ['-i', 'PATH=/usr/bin:/bin', 'LC_ALL=C', ...nativeEnvironment(debianArch), 'make', '-n', '-i', '-C', tree, '-o', '/usr/share/qemu/linux-user-vdso.tar.gz', '-f', 'debian/rules', 'build-arch'],
  ];
  const flagdiff = (arches) => [process.execPath, [CLI, 'show', join(tree, 'debian/rules'), '--format', 'json', ...arches.flatMap((a) => ['--arch', a])]];
  const [ours, theirs] = timeProcesses([flagdiff(['x86_64']), make('amd64')], RUNS);
  rows.push([`Debian QEMU ${series} packaging, x86_64`, ours, theirs]);
  const [all, ...each] = timeProcesses([flagdiff(Object.keys(ARCHES)), ...Object.values(ARCHES).map(make)], RUNS);
  rows.push(['... its 4 arches (one flagdiff run; 4 make runs, medians summed)', all, each.reduce((a, b) => a + b, 0)]);
}

console.log('| case | flagdiff show | make -n build-arch (GNU make 4.3, debhelper) | ratio |\n|---|---|---|---|');
for (const [name, ours, theirs] of rows) console.log(`| ${name} | ${ours.toFixed(1)} ms | ${theirs.toFixed(1)} ms | ${(ours / theirs).toFixed(2)}x |`);
