#!/usr/bin/env node
/** The `flagdiff` executable: the only place that touches process state. */
import { fstatSync, statSync } from 'node:fs';
import { devNull } from 'node:os';
import { fdWriter } from './cli/fd-writer.js';
import { main } from './cli/main.js';

// Only a character device other than /dev/null can be a terminal: for a pipe, a file or /dev/null,
// process.stdout (and the streams it loads) is never created.
function terminal(fd: 1 | 2): boolean {
  const stat = fstatSync(fd);
  return stat.isCharacterDevice() && stat.rdev !== nullDevice() && (fd === 1 ? process.stdout : process.stderr).isTTY === true;
}

function nullDevice(): number | undefined {
  try {
    return statSync(devNull).rdev;
  } catch {
    return undefined;
  }
}
const stderr = fdWriter(2, false);

main(process.argv.slice(2), { stdout: fdWriter(1, terminal(1)), stderr, env: process.env })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const detail = error instanceof Error ? (process.env.FLAGDIFF_DEBUG ? error.stack : error.message) : String(error);
      stderr.write(`flagdiff: internal error: ${detail}\n(please report it; FLAGDIFF_DEBUG=1 shows where it happened)\n`);
      process.exitCode = 2;
    },
  )
  // Every byte has been written synchronously by now (fdWriter), so ending here cuts nothing short;
  // it skips Node's teardown of the heap, ~5 ms of a ~70 ms run. The code is process.exitCode's.
  .then(() => process.exit());
