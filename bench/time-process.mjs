// Times whole processes, as a user or a bot pays for them: medians of several runs.
import { spawnSync } from 'node:child_process';

const statusOk = (status) => status === 0 || status === 1;

/** Median wall time in ms; throws when the process fails (`ok` tells which exit statuses are fine). */
export function timeProcess(command, args, runs, ok = statusOk) {
  return timeProcesses([[command, args, ok]], runs)[0];
}

/**
 * Medians of several commands run in turns (a, b, c, a, b, c, ...): a machine that gets busier or
 * quieter during the bench then weighs on each alike, and their ratios hold.
 */
export function timeProcesses(commands, runs) {
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, args, ok = statusOk], j) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
      samples[j].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!ok(result.status)) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
    });
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}
