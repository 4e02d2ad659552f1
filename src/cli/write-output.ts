/** Writes a result to standard output, or atomically to a file (a reader never sees half a report). */
import { rename, rm, writeFile } from 'node:fs/promises';
import { InputError, diagnostic } from '../model/diagnostic.js';
import type { CliIo } from './io.js';

/**
 * `-o FILE`: the text goes to a temporary file beside FILE, then replaces FILE in one rename(2), so a
 * bot reading FILE sees the old report or the new one, never a part. On failure nothing is left behind.
 */
export async function writeOutput(text: string, io: CliIo, path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') {
    io.stdout.write(text);
    return;
  }
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new InputError(diagnostic('FD104', `cannot write the output (${(error as { code?: string }).code ?? String(error)})`, { file: path, line: 0 }));
  }
}
