#!/usr/bin/env node
// npm run bench: `flagdiff qemu` on Debian's qemu-system-x86_64 against the anchor, Kata's own check
// (build-qemu.sh verify_devices/verify_objects: run the binary's -device and -object help, grep each
// name), as a bash process on the same binary and the same names. Whole processes, medians.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CLI = new URL('../dist/cli/cli.js', import.meta.url).pathname;
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

const rows = [
  ['flagdiff qemu (built-in Kata x86_64) vs Debian qemu-system-x86_64', median('node', [CLI, 'qemu', '--fail-on', 'never', QEMU]), median('bash', ['-c', anchor])],
  ['flagdiff qemu --qemu-version 11.1.0 kata (options only)', median('node', [CLI, 'qemu', '--fail-on', 'never', '--qemu-version', '11.1.0', 'kata']), undefined],
  ['node -e 0 (bare startup)', median('node', ['-e', '0']), undefined],
];
console.log('| case | flagdiff | Kata verify_devices (bash + grep) | ratio |\n|---|---|---|---|');
for (const [name, ours, theirs] of rows) {
  console.log(`| ${name} | ${ours.toFixed(1)} ms | ${theirs ? `${theirs.toFixed(1)} ms` : ''} | ${theirs ? `${(ours / theirs).toFixed(2)}x` : ''} |`);
}
