#!/usr/bin/env node
/** The `flagdiff` executable: the only place that touches process state. */
import { main } from './cli/main.js';

// A closed pipe (`flagdiff ... | head`) is not an error: stop writing, keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stream.destroy();
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (process.env.FLAGDIFF_DEBUG ? error.stack : error.message) : String(error);
    process.stderr.write(`flagdiff: internal error: ${detail}\n(please report it; FLAGDIFF_DEBUG=1 shows where it happened)\n`);
    process.exitCode = 2;
  },
);
