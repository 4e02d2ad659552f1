/** Writes a result to standard output, or atomically to a file (a reader never sees half a report). */
import { rename, writeFile } from 'node:fs/promises';
import { InputError, diagnostic } from '../model/diagnostic.js';
import type { CliIo } from './io.js';

export async function writeOutput(text: string, io: CliIo, path: string | undefined): Promise<void> {
  if (path === undefined || path === '-') {
    io.stdout.write(text);
    return;
  }
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    throw new InputError(diagnostic('FD104', `cannot write the output (${(error as { code?: string }).code ?? String(error)})`, { file: path, line: 0 }));
  }
}
