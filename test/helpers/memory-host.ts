/** A ReadHost over an in-memory tree, so reader tests touch no disk. */
import { InputError, diagnostic } from '../../src/model/diagnostic.js';
import type { ReadHost } from '../../src/readers/host.js';

export function memoryHost(files: Readonly<Record<string, string | Uint8Array>>): ReadHost {
  const isDir = (path: string) => Object.keys(files).some((f) => f.startsWith(`${path}/`));
  return {
    async kind(path) {
      return path in files ? 'file' : isDir(path) ? 'directory' : 'missing';
    },
    async readFile(path, maxBytes) {
      const content = files[path];
      if (content === undefined) throw new InputError(diagnostic('FD104', 'no such file', { file: path, line: 0 }));
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      if (bytes.length > maxBytes) throw new InputError(diagnostic('FD104', 'larger than the input limit', { file: path, line: 0 }));
      return bytes;
    },
    async list(directory) {
      const names = Object.keys(files)
        .filter((f) => f.startsWith(`${directory}/`))
        .map((f) => f.slice(directory.length + 1).split('/')[0]!);
      return [...new Set(names)];
    },
  };
}
