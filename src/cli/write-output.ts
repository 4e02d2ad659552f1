/** Writes a result to standard output, or atomically to a file (a reader never sees half a report). */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError, diagnostic } from '../model/diagnostic.js';
import type { CliIo } from './io.js';

/**
 * `-o FILE`: the text goes to a temporary file beside FILE, then replaces FILE in one rename(2), so a
 * bot reading FILE sees the old report or the new one, never a part. On failure nothing is left behind.
 * Synchronous, as reading is: node:fs/promises would cost ~1 ms of startup for one write.
 */
export async function writeOutput(text: string, io: CliIo, path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') {
    io.stdout.write(text);
    return;
  }
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more can be done; the error below says what went wrong first.
    }
    throw new InputError(diagnostic('FD104', `cannot write the output (${(error as { code?: string }).code ?? String(error)})`, { file: path, line: 0 }));
  }
}
