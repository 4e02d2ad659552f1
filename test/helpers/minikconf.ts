/**
 * QEMU's own scripts/minikconf.py as the oracle for the device layer, from Debian's QEMU source
 * packages (7.2 bookworm, 10.0 trixie; .ci/run fetches them, scripts/oracles.mjs extracts them).
 * Missing trees are a skip with the reason on a developer machine and a failure in CI.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { ORACLES_REQUIRED, PYTHON, findQemuTree, qemuTreeMissing } from '../../scripts/oracles.mjs';
import { tempDir } from './temp-dir.js';

export const qemu72: string | undefined = findQemuTree('7.2');
export const qemu100: string | undefined = findQemuTree('10.0');
export const qemu72Missing: string = qemuTreeMissing('7.2');
export const qemu100Missing: string = qemuTreeMissing('10.0');
if (ORACLES_REQUIRED && (!qemu72 || !qemu100)) throw new Error(`${qemu72Missing}; ${qemu100Missing}`);

/** The oracle's minikconf.py: the 7.2 tree's (10.0's differs only in where one message is printed). */
export const minikconfScript: string | undefined = qemu72 ? join(qemu72, 'scripts/minikconf.py') : qemu100 && join(qemu100, 'scripts/minikconf.py');

export interface OracleRun {
  readonly ok: boolean;
  /** `X` for every `CONFIG_X=y` printed, sorted. */
  readonly symbols: readonly string[];
  readonly stderr: string;
}

/** Runs minikconf.py as meson.build does: mode, output, depfile, the files, then CONFIG_X=y|n arguments. */
export function runMinikconf(mode: 'defconfig' | 'allnoconfig', inputs: readonly string[], script = minikconfScript!): OracleRun {
  const dir = tempDir('flagdiff-minikconf-');
  const run = spawnSync(PYTHON, [script, `--${mode}`, join(dir, 'out'), join(dir, 'deps'), ...inputs], { encoding: 'utf8' });
  const symbols = run.stdout.split('\n').filter((l) => l.endsWith('=y')).map((l) => l.slice('CONFIG_'.length, -2)).sort();
  return { ok: run.status === 0, symbols, stderr: run.stderr };
}

/** Writes a text to a temporary file for the oracle to read. */
export function textFile(text: string, name = 'Kconfig'): string {
  const file = join(tempDir('flagdiff-kconfig-'), name);
  writeFileSync(file, text);
  return file;
}
