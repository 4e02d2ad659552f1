/** Runs a test's own shell snippet with the real bash, with no PATH: only builtins work, as in the evaluator's scope. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tool } from './oracles.js';
import { tempDir } from './temp-dir.js';

export const bash = tool('bash');

export interface Outcome {
  readonly stdout: string;
  readonly status: number | 'unknown';
}

export function runBash(script: string, args: readonly string[] = []): Outcome {
  const dir = tempDir('flagdiff-sh-');
  const file = join(dir, 'fixture.sh');
  writeFileSync(file, script);
  const run = spawnSync(bash.path!, ['--noprofile', '--norc', file, ...args], { cwd: dir, env: {}, encoding: 'utf8' });
  return { stdout: run.stdout, status: run.status ?? -1 };
}
