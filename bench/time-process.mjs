// Times whole processes, as a user or a bot pays for them: the median of `runs` runs.
import { spawnSync } from 'node:child_process';

/** Median wall time in ms; throws when the process fails (`ok` tells which exit statuses are fine). */
export function timeProcess(command, args, runs, ok = (status) => status === 0 || status === 1) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!ok(result.status)) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}
