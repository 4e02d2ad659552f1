/** The real file system as a `ReadHost`, with `-` standing for standard input. */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { InputError, diagnostic } from '../model/diagnostic.js';
import { describeSize } from '../readers/decode-input.js';
import type { PathKind, ReadHost } from '../readers/host.js';

export interface NodeHostOptions {
  /** Standard input, for the path `-`; defaults to `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
}

export function nodeHost(options: NodeHostOptions = {}): ReadHost {
  let stdinRead: Promise<Uint8Array> | undefined;
  return {
    async kind(path) {
      if (path === '-') return 'file';
      try {
        const s = statSync(path);
        return s.isDirectory() ? 'directory' : 'file';
      } catch (error) {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return 'missing' satisfies PathKind;
        throw unreadable(path, error);
      }
    },
    async readFile(path, maxBytes) {
      if (path === '-') {
        stdinRead ??= readCapped(options.stdin ?? process.stdin, '-', maxBytes);
        return stdinRead;
      }
      try {
        return readFileCapped(path, maxBytes);
      } catch (error) {
        throw error instanceof InputError ? error : unreadable(path, error);
      }
    },
    readText(path, maxBytes) {
      if (path === '-') return undefined;
      try {
        // /proc files report size 0, and devices no size: those, and files over the cap, are read as bytes.
        const stats = statSync(path);
        return stats.isFile() && stats.size > 0 && stats.size <= maxBytes ? readFileSync(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    async realPath(path) {
      try {
        return realpathSync(path);
      } catch (error) {
        throw unreadable(path, error);
      }
    },
    async list(directory) {
      try {
        return readdirSync(directory);
      } catch (error) {
        throw unreadable(directory, error);
      }
    },
  };
}

/**
 * Synchronous reads: a CLI reading a few files gains nothing from the event loop. The cap holds
 * while reading too, since /proc files report size 0 and /dev/zero never ends.
 */
function readFileCapped(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new InputError(diagnostic('FD104', 'is a directory', { file: path, line: 0 }));
    const { size } = stats;
    if (size > maxBytes) throw tooLarge(path, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A regular file's size is known: one read of one byte more shows whether it grew since. Files
      // that did, pipes and /proc read on in 64 KiB steps.
      const chunk = Buffer.allocUnsafe(total === 0 && stats.isFile() && size > 0 ? size + 1 : 64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw tooLarge(path, maxBytes);
      chunks.push(chunk.subarray(0, read));
      // A regular file that filled less than the buffer is at its end; pipes and /proc may read short.
      if (stats.isFile() && size > 0 && read < chunk.length) break;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

async function readCapped(stream: NodeJS.ReadableStream, path: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw tooLarge(path, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(path: string, maxBytes: number): InputError {
  return new InputError(diagnostic('FD104', `larger than the ${describeSize(maxBytes)} input limit`, { file: path, line: 0 }));
}

function unreadable(path: string, error: unknown): InputError {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(error)})`;
  return new InputError(diagnostic('FD104', reason, { file: path, line: 0 }));
}

function isCode(error: unknown, code: string): boolean {
  return (error as { code?: string }).code === code;
}
