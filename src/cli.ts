#!/usr/bin/env node
/** The `flagdiff` executable: the only place that touches process state. */
import { fstatSync, statSync } from 'node:fs';
import { fdWriter } from './cli/fd-writer.js';
import { main } from './cli/main.js';

/**
 * Where fd 1 or 2 goes. A terminal gets Node's own stream: it writes Unicode to a Windows console
 * correctly, which bytes written to the fd would not. Anything else (a pipe, a file, /dev/null: only
 * a character device other than /dev/null can be a terminal) is written to directly, and Node's
 * streams (~30 modules, net among them for a pipe) are never loaded: process.stdout is only touched
 * once the fd may be a terminal.
 */
function output(fd: 1 | 2): { write(text: string): void; readonly isTTY: boolean } {
  const stat = fstatSync(fd);
  if (stat.isCharacterDevice() && stat.rdev !== nullDevice()) {
    const stream = fd === 1 ? process.stdout : process.stderr;
    if (stream.isTTY) return { write: (text) => void stream.write(text), isTTY: true };
  }
  return fdWriter(fd);
}

/** os.devNull, without loading node:os for it. */
function nullDevice(): number | undefined {
  try {
    return statSync(process.platform === 'win32' ? '\\\\.\\nul' : '/dev/null').rdev;
  } catch {
    return undefined;
  }
}

const [stdout, stderr] = [output(1), output(2)];

main(process.argv.slice(2), { stdout, stderr, env: process.env })
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
  .then(() => {
    // With no terminal, every byte has been written synchronously by now, so ending here cuts nothing
    // short and skips Node's teardown of the heap (~2-5 ms). A terminal's stream may still be writing
    // (on Windows, asynchronously): Node then ends the process when it is done.
    if (!stdout.isTTY && !stderr.isTTY) process.exit();
  });
