#!/usr/bin/env node
/** The `flagdiff` executable: the only place that touches process state. */
import { fstatSync } from 'node:fs';
import { fdWriter } from './cli/fd-writer.js';
import { main } from './cli/main.js';

// Only a character device can be a terminal: for a pipe or a file, process.stdout (and the streams
// it loads) is never created.
const terminal = (fd: 1 | 2) => fstatSync(fd).isCharacterDevice() && (fd === 1 ? process.stdout : process.stderr).isTTY === true;
const stderr = fdWriter(2, false);

main(process.argv.slice(2), { stdout: fdWriter(1, terminal(1)), stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (process.env.FLAGDIFF_DEBUG ? error.stack : error.message) : String(error);
    stderr.write(`flagdiff: internal error: ${detail}\n(please report it; FLAGDIFF_DEBUG=1 shows where it happened)\n`);
    process.exitCode = 2;
  },
);
