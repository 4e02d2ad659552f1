#!/usr/bin/env node
// npm run bench: `flagdiff qemu` on Debian's qemu-system-x86_64 against the anchor, Kata's own check
// (build-qemu.sh verify_devices/verify_objects: run the binary's -device and -object help, grep each
// name), as a bash process on the same binary and the same names; and the device closure against
// QEMU's own minikconf.py on the same tree. Whole processes, medians.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { scratchDir } from './scratch-dir.mjs';

const CLI = new URL('../dist/cli/cli.cjs', import.meta.url).pathname;
const QEMU = '/usr/bin/qemu-system-x86_64';
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
if (!existsSync(QEMU)) {
  console.error(`${QEMU} not found: install Debian package qemu-system-x86`);
  process.exit(2);
}
const { kataQemuReference } = await import('../dist/index.js');
const kata = kataQemuReference('x86_64');
const devices = kata.devices.map((d) => d.name).join(' ');
const objects = kata.objects.map((o) => o.name).join(' ');
// verify_devices / verify_objects as build-qemu.sh writes them, plus -machine help for the machine type.
const anchor = `d=$(${QEMU} -device help); o=$(${QEMU} -object help); m=$(${QEMU} -machine help)
for x in ${devices}; do grep -q "name \\"$x\\"" <<< "$d" || echo "missing $x"; done
for x in ${objects}; do grep -q "^[[:space:]]*$x$" <<< "$o" || echo "missing $x"; done
grep -q "^${kata.machines[0].name} " <<< "$m" || echo "missing ${kata.machines[0].name}"`;

function median(command, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(command, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

// The device closure against QEMU's own scripts/minikconf.py on the same tree and the same inputs:
// Kata's build (--without-default-devices, so minikconf --allnoconfig), its device file, the tree's
// Kconfig and the host symbols meson would pass, which the library computes for both.
const { findQemuTree, PYTHON } = await import('../scripts/oracles.mjs');
const lib = await import('../dist/index.js');
const work = scratchDir('flagdiff-bench-qemu-');
const flagsFiles = ['x86_64', 'aarch64', 's390x', 'ppc64le'].map((arch) => {
  const file = `${work}/kata-${arch}.flags`;
  writeFileSync(file, `${lib.kataQemuBuild(arch).argv.map((a) => `'${a.text}'`).join('\n')}\n`);
  return file;
});
const deviceRows = [];
for (const series of ['7.2', '10.0']) {
  const tree = findQemuTree(series);
  if (!tree) {
    console.error(`QEMU ${series} tree not found: run .ci/run first (apt-get source qemu); its rows are left out`);
    continue;
  }
  const host = lib.nodeHost();
  const qemuTree = await lib.loadQemuTree(tree, host);
  const arches = ['x86_64', 'aarch64', 's390x', 'ppc64le'];
  const oracleRuns = [];
  for (const arch of arches) {
    const { devices: _appended, ...build } = lib.kataQemuBuild(arch);
    const config = lib.normalizeBuild(build);
    const devices = await lib.loadDeviceConfig(lib.selectDevices(config, arch), [], host, qemuTree);
    const closure = lib.effectiveDevices(qemuTree, devices, lib.effectiveQemu(config, qemuTree.version), arch);
    const passed = [...closure.externals].filter(([s, v]) => v.value === 'y' || s === 'TARGET_BIG_ENDIAN').map(([s, v]) => `CONFIG_${s}=${v.value}`);
    const out = `${work}/minikconf`;
    oracleRuns.push([`${tree}/scripts/minikconf.py`, `--${closure.mode}`, out, `${out}.d`, lib.deviceFilePath(qemuTree, closure.target), `${tree}/Kconfig`, ...passed]);
  }
  // Kata's options as flags files, one per arch (its --target-list names the arch): the same input as
  // minikconf.py gets, without the lines build-qemu.sh appends (Kata's list for QEMU 11.0 names symbols
  // these trees lack, which would stop both at once).
  const one = (files) => median('node', [CLI, 'qemu', '--fail-on', 'never', '--qemu-tree', tree, ...files]);
  deviceRows.push([`device closure of Kata's x86_64 build, QEMU ${series} tree`, one([flagsFiles[0]]), median(PYTHON, oracleRuns[0])]);
  deviceRows.push([`... of its 4 arches (one flagdiff run, 4 minikconf.py runs)`, one(flagsFiles), medianOf(() => oracleRuns.forEach((args) => spawnSync(PYTHON, args, { stdio: 'ignore' })))]);
}

function medianOf(work) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

// A spec candidate: the whole run (spec read, build-mini chosen, compared) against rpm's own expansion
// of the same spec for the same arch, which is only the first step of what flagdiff does.
const SPEC = new URL('../fixtures/qemu/mini-2019.spec', import.meta.url).pathname;
const rpmspec = spawnSync('rpmspec', ['--version']).status === 0;
if (!rpmspec) console.error('rpmspec not found: install Debian package rpm; the spec row has no anchor');

const rows = [
  ['flagdiff qemu (built-in Kata x86_64) vs Debian qemu-system-x86_64', median('node', [CLI, 'qemu', '--fail-on', 'never', QEMU]), median('bash', ['-c', anchor])],
  ['flagdiff qemu --qemu-version 11.1.0 kata (options only)', median('node', [CLI, 'qemu', '--fail-on', 'never', '--qemu-version', '11.1.0', 'kata']), undefined],
  ['node -e 0 (bare startup)', median('node', ['-e', '0']), undefined],
];
const table = (anchor, list) => {
  console.log(`| case | flagdiff | ${anchor} | ratio |\n|---|---|---|---|`);
  for (const [name, ours, theirs] of list) {
    console.log(`| ${name} | ${ours.toFixed(1)} ms | ${theirs ? `${theirs.toFixed(1)} ms` : ''} | ${theirs ? `${(ours / theirs).toFixed(2)}x` : ''} |`);
  }
};
table('Kata verify_devices (bash + grep)', rows);
console.log('');
table('rpmspec --parse --target x86_64 (rpm 4.18)', [
  ['flagdiff qemu --build build-mini fixtures/qemu/mini-2019.spec', median('node', [CLI, 'qemu', '--fail-on', 'never', '--build', 'build-mini', SPEC]), rpmspec ? median('rpmspec', ['--parse', '--target', 'x86_64', SPEC]) : undefined],
]);
if (deviceRows.length) {
  console.log('');
  table("QEMU's scripts/minikconf.py (python3)", deviceRows);
}
