#!/usr/bin/env node
// npm run bench: reading Kata's configure-hypervisor.sh statically against running it with bash, the
// anchor (gcc stubbed in PATH, a VERSION file), on the same script in the same run. Whole processes are
// timed, medians of several runs. The script is Kata's own when FLAGDIFF_KATA_CHECKOUT names a checkout,
// else the test fixture shaped like it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { findProgram } from '../scripts/oracles.mjs';
import { scratchDir } from './scratch-dir.mjs';

const CLI = new URL('../dist/cli/cli.cjs', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const checkout = process.env.FLAGDIFF_KATA_CHECKOUT ?? new URL('../fixtures/kata', import.meta.url).pathname;
const script = join(checkout, 'tools/packaging/scripts/configure-hypervisor.sh');
const bash = findProgram('bash');
if (!bash) {
  console.error('bash not found: the anchor of this benchmark');
  process.exit(2);
}

const work = scratchDir('flagdiff-bench-kata-');
mkdirSync(join(work, 'bin'), { recursive: true });
const version = process.env.FLAGDIFF_KATA_CHECKOUT ? '11.0.1' : '8.2.4';
writeFileSync(join(work, 'VERSION'), `${version}\n`);
writeFileSync(join(work, 'bin/gcc'), '#!/bin/sh\ncase "$1" in -dumpversion) echo 12;; -dumpfullversion) echo 12.2.0;; esac\n');
chmodSync(join(work, 'bin/gcc'), 0o755);
const env = { PATH: `${join(work, 'bin')}:/usr/bin:/bin`, PREFIX: '/opt/kata' };

function time(command, args, options = {}) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const arches = ['x86_64', 'aarch64', 's390x', 'ppc64le'];
const real = (arch) => time(bash, [script, '-ds', 'kata-qemu', arch], { cwd: work, env });
const flagdiff = (...args) => time(process.execPath, [CLI, 'show', ...args]);

const rows = [];
const row = (name, ours, theirs) => rows.push({ name, ours, theirs });
const bare = time(process.execPath, ['-e', '0']);
row('node -e 0 (bare startup)', bare);
const oneReal = real('x86_64');
row('built-in profile: show kata --domain qemu --arch x86_64', flagdiff('kata', '--domain', 'qemu', '--arch', 'x86_64'), oneReal);
row('checkout read live: show <checkout> --domain qemu --arch x86_64', flagdiff(checkout, '--domain', 'qemu', '--arch', 'x86_64', '--qemu-version', version), oneReal);
row('4 arches in one flagdiff run vs 4 bash runs', flagdiff(checkout, '--domain', 'qemu', '--qemu-version', version), arches.map(real).reduce((a, b) => a + b, 0));

const ms = (v) => (v === undefined ? '' : `${v.toFixed(1)} ms`);
console.log(`flagdiff ${JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version} kata bench: node ${process.version}, ${bash} on ${process.env.FLAGDIFF_KATA_CHECKOUT ? "Kata's" : 'the fixture'} configure-hypervisor.sh, ${cpus().length} cores; median of ${RUNS} runs`);
console.log(['case'.padEnd(66), 'flagdiff'.padStart(11), 'bash'.padStart(11), 'ratio'.padStart(7)].join(' '));
for (const r of rows) {
  const ratio = r.theirs ? `${(r.ours / r.theirs).toFixed(2)}x` : '';
  console.log([r.name.padEnd(66), ms(r.ours).padStart(11), ms(r.theirs).padStart(11), ratio.padStart(7)].join(' '));
}
