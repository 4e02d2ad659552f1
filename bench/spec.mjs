#!/usr/bin/env node
// npm run bench: flagdiff reading a spec's builds for four arches in one process, against rpm's own
// `rpmspec --parse --target ARCH` run once per arch, on the same file, in the same run. Whole
// processes are timed, medians of several runs. The spec is real-shaped: fixtures/rpm/fedora-like.spec
// grown to the size of Fedora's qemu.spec (3,000 lines: ~110 subpackages, a long changelog). Set
// BENCH_SPEC=path/to/qemu.spec (and BENCH_DEFINES="fedora=39") to time a spec of your own instead.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { RPMSPEC_MISSING, findRpmspec } from '../scripts/oracles.mjs';
import { scratchDir } from './scratch-dir.mjs';

const CLI = new URL('../dist/cli/cli.cjs', import.meta.url).pathname;
const FIXTURE = new URL('../fixtures/rpm/fedora-like.spec', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const ARCHES = ['x86_64', 'aarch64', 's390x', 'ppc64le'];
const rpmspec = findRpmspec();
if (!rpmspec) {
  console.error(RPMSPEC_MISSING);
  process.exit(2);
}

const work = scratchDir('flagdiff-bench-spec-');

/** The fixture with more subpackages before %build and a longer changelog after it, as real specs have. */
function grown(packages, entries) {
  const text = readFileSync(FIXTURE, 'utf8');
  const subpackages = [];
  for (let i = 0; i < packages; i++) {
    subpackages.push(
      `%package device-${i}`,
      `Summary: Device module ${i} for %{name}`,
      `Requires: %{name}-common%{?_isa} = %{epoch}:%{version}-%{release}`,
      '%if %{have_xen}',
      `Requires: %{name}-xen-${i} = %{epoch}:%{version}-%{release}`,
      '%endif',
      `%description device-${i}`,
      `This package provides device module ${i} for %{name}.`,
      '',
    );
  }
  const changelog = [];
  for (let i = 0; i < entries; i++) changelog.push(`* Mon Jan 01 2024 A Tester <tester@example.org> - 2:8.1.1-${entries - i}`, `- Rebuild ${i} with %%{name} fixes`, '');
  return text.replace('%prep\n', `${subpackages.join('\n')}\n%prep\n`).replace('%changelog\n', `%changelog\n${changelog.join('\n')}\n`);
}

const spec = process.env.BENCH_SPEC ?? join(work, 'qemu.spec');
if (!process.env.BENCH_SPEC) writeFileSync(spec, grown(110, 550));
const defines = (process.env.BENCH_DEFINES ?? 'fedora=39').split(/\s+/).filter(Boolean).map((d) => d.split('='));
const lines = readFileSync(spec, 'utf8').split('\n').length;

function time(run) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

function check(result, what) {
  if (result.status !== 0) throw new Error(`${what}: ${result.stderr}`);
  return result;
}

const flagdiff = (arches, file = spec) => () =>
  check(spawnSync(process.execPath, [CLI, 'show', file, ...arches.flatMap((a) => ['--arch', a]), ...defines.flatMap(([n, v]) => ['--define', `${n}=${v}`]), '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }), 'flagdiff');
const rpm = (arches, file = spec) => () => {
  for (const arch of arches) check(spawnSync(rpmspec, ['--parse', '--target', arch, ...defines.flatMap(([n, v]) => ['--define', `${n} ${v}`]), file], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }), 'rpmspec');
};

// What the bench measures must be a real answer: the builds for every arch.
const answer = JSON.parse(flagdiff(ARCHES)().stdout);
const builds = answer.sources.map((s) => s.builds.length);
if (builds.some((n) => n === 0)) throw new Error(`no build read for some arch: ${builds}`);

const rows = [];
const bare = time(() => spawnSync(process.execPath, ['-e', '0']));
rows.push({ name: 'node -e 0 (bare startup)', ours: bare });
rows.push({ name: `builds of one arch (x86_64)`, ours: time(flagdiff(['x86_64'])), theirs: time(rpm(['x86_64'])) });
rows.push({ name: `builds of four arches, one process vs four rpmspec runs`, ours: time(flagdiff(ARCHES)), theirs: time(rpm(ARCHES)), goal: 'under 1x of rpmspec' });
// What the goal leaves room for: the fixture as written (283 lines, the same %build), and the four
// arches read again in one process once V8 has optimized the code (timed inside that process).
if (!process.env.BENCH_SPEC) rows.push({ name: 'four arches of the fixture as written (283 lines)', ours: time(flagdiff(ARCHES, FIXTURE)), theirs: time(rpm(ARCHES, FIXTURE)) });
rows.push({ name: 'four arches again in one process, V8-warm (no start)', ours: warmReading() });

/** The median of the last ten of 40 readings of the four arches in one process: the engine's speed once V8 has optimized it. */
function warmReading() {
  const script = `
    const { loadSpec, nodeHost } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
    const options = { arches: ${JSON.stringify(ARCHES)}, defines: ${JSON.stringify(defines)} };
    const samples = [];
    for (let i = 0; i < 40; i++) {
      const start = performance.now();
      await loadSpec(${JSON.stringify(spec)}, nodeHost(), options);
      samples.push(performance.now() - start);
    }
    const last = samples.slice(-10).sort((a, b) => a - b);
    console.log((last[4] + last[5]) / 2);`;
  return Number(check(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }), 'warm reading').stdout);
}

const ms = (v) => (v === undefined ? '' : `${v.toFixed(1)} ms`);
console.log(`flagdiff spec bench: node ${process.version}, ${rpmspec} (rpm ${spawnSync(rpmspec, ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').pop()}), ${cpus().length} cores; ${lines} lines${process.env.BENCH_SPEC ? ` (${spec})` : ' (fixtures/rpm/fedora-like.spec, grown)'}, builds per arch ${builds.join('/')}; median of ${RUNS} runs`);
console.log(['case'.padEnd(58), 'flagdiff'.padStart(11), 'rpmspec'.padStart(11), 'ratio'.padStart(7), '  goal'].join(' '));
for (const r of rows) {
  const ratio = r.theirs ? `${(r.ours / r.theirs).toFixed(2)}x` : '';
  console.log([r.name.padEnd(58), ms(r.ours).padStart(11), ms(r.theirs).padStart(11), ratio.padStart(7), ` ${r.goal ?? ''}`].join(' '));
}
