#!/usr/bin/env node
// npm run bench: the report formats, whole processes, medians. The anchor is GNU diff -u on the same
// normalised sides that --format diff shows, and on two configs with nothing in common, the case where
// a line diff is slow and flagdiff's edit budget prints a summary instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { findProgram } from '../scripts/oracles.mjs';
import { scratchDir } from './scratch-dir.mjs';
import { timeProcess } from './time-process.mjs';

const CORPUS = new URL('../../shared/corpus/kernel/', import.meta.url).pathname;
const CLI = new URL('../dist/cli/cli.cjs', import.meta.url).pathname;
const WAIVERS = new URL('../fixtures/waivers/debian-amd64.ini', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const gnuDiff = findProgram('diff');
if (!gnuDiff) {
  console.error('diff not found: install Debian package diffutils');
  process.exit(2);
}
const { diffSides, kataKernelProfile, loadKconfig, nodeHost } = await import('../dist/index.js');

const work = scratchDir('flagdiff-bench-report-');
const write = (name, lines) => {
  const path = join(work, name);
  writeFileSync(path, lines.length ? `${lines.join('\n')}\n` : '');
  return path;
};
const debian = join(CORPUS, 'debian/config-6.12.117-amd64');
const sides = diffSides(kataKernelProfile('x86_64'), await loadKconfig(debian, nodeHost()));
const [refSide, candSide] = [write('kata.norm', sides.reference), write('debian.norm', sides.candidate)];
// Nothing in common: 5,000 reference symbols against 5,000 other ones, as fragments and as a config.
const N = 5000;
const farRef = write('far.conf', Array.from({ length: N }, (_, i) => `CONFIG_KATA_${i}=y`));
const farCand = write('far.config', ['# Linux/x86 6.12.0 Kernel Configuration', ...Array.from({ length: N }, (_, i) => `CONFIG_DISTRO_${i}=y`)]);
const [farRefNorm, farCandNorm] = [write('far-ref.norm', readFileSync(farRef, 'utf8').trim().split('\n').sort()), write('far-cand.norm', readFileSync(farCand, 'utf8').trim().split('\n').slice(1).sort())];

// diff -u exits 1 when the files differ; flagdiff exits 1 on findings.
const time = (command, args) => timeProcess(command, args, RUNS);

const flagdiff = (format, ...args) => time(process.execPath, [CLI, 'kernel', '--format', format, ...args]);
const rows = [];
const row = (name, ours, theirs) => rows.push({ name, ours, theirs });

row('node -e 0 (bare startup)', time(process.execPath, ['-e', '0']));
const plain = flagdiff('json', debian);
row('Kata vs Debian amd64, --format json, no waivers', plain);
for (const format of ['text', 'json', 'markdown', 'sarif', 'github']) row(`Kata vs Debian amd64 with waivers, --format ${format}`, flagdiff(format, debian, '--waivers', WAIVERS));
row('Kata vs Debian amd64 with waivers, --format diff | diff -u of the normalised sides', flagdiff('diff', debian, '--waivers', WAIVERS), time(gnuDiff, ['-u', refSide, candSide]));
row(`nothing in common (${N} vs ${N} symbols): --format diff (summary) | diff -u`, flagdiff('diff', '-r', farRef, farCand), time(gnuDiff, ['-u', farRefNorm, farCandNorm]));

const ms = (v) => (v === undefined ? '' : `${v.toFixed(1)} ms`);
console.log(`flagdiff ${JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version} report bench: node ${process.version}, GNU ${gnuDiff}, ${cpus().length} cores; median of ${RUNS} runs`);
console.log(['case'.padEnd(84), 'flagdiff'.padStart(11), 'diff -u'.padStart(11), 'ratio'.padStart(7)].join(' '));
for (const r of rows) {
  const ratio = r.theirs ? `${(r.ours / r.theirs).toFixed(2)}x` : '';
  console.log([r.name.padEnd(84), ms(r.ours).padStart(11), ms(r.theirs).padStart(11), ratio.padStart(7)].join(' '));
}
