#!/usr/bin/env node
// npm run bench: flagdiff's CLI against the kernel's own scripts/diffconfig, on the same inputs in
// the same run. Whole processes are timed (what a user or a bot pays), medians of several runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DIFFCONFIG_MISSING, PYTHON, findDiffconfig } from '../scripts/oracles.mjs';
import { scratchDir } from './scratch-dir.mjs';
import { timeProcess, timeProcesses } from './time-process.mjs';

const CORPUS = new URL('../../shared/corpus/kernel/', import.meta.url).pathname;
const CLI = new URL('../dist/cli/cli.cjs', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const diffconfig = findDiffconfig();
if (!diffconfig) {
  console.error(DIFFCONFIG_MISSING);
  process.exit(2);
}

const work = scratchDir('flagdiff-bench-kernel-');
const fragments = ['common', 'x86_64'].flatMap((d) =>
  readdirSync(join(CORPUS, 'kata/fragments', d)).filter((n) => n.endsWith('.conf')).sort().map((n) => join(CORPUS, 'kata/fragments', d, n)),
);
// diffconfig takes one file per side: Kata's fragments concatenated (its reader lets the last writer win too).
const kataAll = write('kata-x86_64.conf', fragments.map((f) => readFileSync(f, 'utf8')).join('\n'));
const debian = join(CORPUS, 'debian/config-6.12.117-amd64');
const fedora = join(CORPUS, 'fedora/kernel-7.2.0-rc6-x86_64-fedora.config');

function write(name, text) {
  const path = join(work, name);
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
  return path;
}

/** The same file n times in one, every symbol renamed per copy so that nothing collapses. */
function repeated(path, n, header = '') {
  const body = readFileSync(path, 'utf8').split('\n').filter((l) => /^(# )?CONFIG_/.test(l));
  const copies = [];
  for (let i = 0; i < n; i++) copies.push(body.map((l) => l.replace(/CONFIG_(\w+)/, `CONFIG_$1_R${i}`)).join('\n'));
  return write(`${n}x-${path.split('/').pop()}`, `${header}${copies.join('\n')}`);
}

const time = (command, args) => timeProcess(command, args, RUNS);

const flagdiff = (...args) => time(process.execPath, [CLI, 'kernel', '--format', 'json', ...args]);
const oracle = (a, b) => time(PYTHON, [diffconfig, a, b]);
const header = '# Linux/x86 6.12.117 Kernel Configuration\n';

const rows = [];
const row = (name, ours, theirs, goal) => rows.push({ name, ours, theirs, goal });

// The startup goal rows run flagdiff, diffconfig and bare node in turns, each row its own node median.
const againstNode = (name, args, theirs) => {
  const [ours, oracleMs, node] = timeProcesses([[process.execPath, [CLI, 'kernel', '--format', 'json', ...args]], [PYTHON, [diffconfig, ...theirs]], [process.execPath, ['-e', '0']]], RUNS);
  rows.push({ name, ours, theirs: oracleMs, goal: 'within 1.5x of bare node', node });
  return node;
};
const bare = againstNode('Kata x86_64 fragments vs Debian amd64', ['-r', join(CORPUS, 'kata/fragments/common'), '-r', join(CORPUS, 'kata/fragments/x86_64'), debian], [kataAll, debian]);
rows.unshift({ name: 'node -e 0 (bare startup)', ours: bare });
againstNode('built-in Kata x86_64 profile vs Debian amd64', [debian], [kataAll, debian]);
row('Debian amd64 vs Fedora x86_64 (full configs)', flagdiff('-r', debian, fedora), oracle(debian, fedora));
for (const n of [10, 100]) {
  const [ref, cand] = [repeated(kataAll, n), repeated(debian, n, header)];
  row(`the Kata/Debian pair repeated ${n}x in one file`, flagdiff('-r', ref, cand), oracle(ref, cand), n === 100 ? 'under 0.3x of diffconfig' : undefined);
}
// Debian ships its configs as .xz: flagdiff inflates in process; the anchor needs xz first.
const debianXz = join(work, 'config.amd64_none_amd64.xz');
writeFileSync(debianXz, spawnSync('xz', ['-c', debian], { maxBuffer: 1 << 30 }).stdout);
const shell = (script) => time('sh', ['-c', script]);
row('Debian amd64 as .xz vs the Kata fragments', flagdiff('-r', kataAll, debianXz), shell(`xz -dc ${debianXz} > ${work}/unxz && ${PYTHON} ${diffconfig} ${kataAll} ${work}/unxz`));
// A layered Debian tree: flagdiff finds and merges the flavour's files; diffconfig gets them concatenated.
const layered = join(CORPUS, 'debian/layered-6.0rc4');
const layers = ['config', 'kernelarch-x86/config', 'amd64/config', 'amd64/config.cloud-amd64', 'config.cloud', 'amd64/config.cloud-amd64'];
const layersAll = write('debian-cloud-layers.config', layers.map((f) => readFileSync(join(layered, f), 'utf8')).join('\n'));
row('Debian 6.0 layered tree (cloud-amd64) vs the Kata fragments', flagdiff('-r', kataAll, '--variant', 'amd64_none_cloud-amd64', layered), oracle(kataAll, layersAll));
const candidates = Array.from({ length: 100 }, (_, i) => [debian, fedora, join(CORPUS, 'debian/config-6.12.117-cloud-amd64')][i % 3]);
const batchOurs = time(process.execPath, [CLI, 'kernel', '--format', 'json', '-r', kataAll, '--arch', 'x86_64', ...candidates]);
const batchStart = process.hrtime.bigint();
for (const c of candidates) spawnSync(PYTHON, [diffconfig, kataAll, c], { stdio: 'ignore' });
row('batch: 100 pairs, one flagdiff run vs 100 diffconfig runs', batchOurs, Number(process.hrtime.bigint() - batchStart) / 1e6, 'under 0.2x of diffconfig');

const ms = (v) => (v === undefined ? '' : `${v.toFixed(1)} ms`);
console.log(`flagdiff ${JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version} bench: node ${process.version}, ${PYTHON} scripts/diffconfig (Linux 6.12), ${cpus().length} cores; median of ${RUNS} runs (the batch row: one run of 100)`);
console.log(['case'.padEnd(60), 'flagdiff'.padStart(11), 'diffconfig'.padStart(11), 'ratio'.padStart(7), '  goal'].join(' '));
for (const r of rows) {
  const ratio = r.theirs ? `${(r.ours / r.theirs).toFixed(2)}x` : '';
  const vsNode = r.node ? ` (${(r.ours / r.node).toFixed(2)}x of bare node)` : '';
  console.log([r.name.padEnd(60), ms(r.ours).padStart(11), ms(r.theirs).padStart(11), ratio.padStart(7), ` ${r.goal ?? ''}${vsNode}`].join(' '));
}
