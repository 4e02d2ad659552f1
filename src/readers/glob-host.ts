/**
 * fast-glob over a `ReadHost`: its `fs` adapter answers from the host, so a tree is walked the
 * same way on disk, in memory (tests) or inside a pull request, and nothing outside the host is read.
 */
import fg from 'fast-glob';
import { join, resolve, sep } from 'node:path';
import type { PathKind, ReadHost } from './host.js';

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

/** Paths under `cwd` matching the patterns, relative to `cwd`, in byte order; directories end with `/`. */
export async function globHost(host: ReadHost, patterns: readonly string[], cwd: string, withDirectories = false): Promise<string[]> {
  const found = await fg([...patterns], {
    cwd,
    // The adapter implements the part of node:fs that @nodelib/fs.walk calls, with the shapes it reads.
    fs: fsAdapter(host, cwd) as unknown as fg.Options['fs'],
    dot: false,
    onlyFiles: !withDirectories,
    markDirectories: withDirectories,
    followSymbolicLinks: false,
  });
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function stats(kind: PathKind) {
  return { isFile: () => kind === 'file', isDirectory: () => kind === 'directory', isSymbolicLink: () => false };
}

function missing(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT', path });
}

/** fast-glob asks for absolute paths under `resolve(cwd)`; the host is asked for them as given (`cwd/...`). */
function fsAdapter(host: ReadHost, cwd: string) {
  const absolute = resolve(cwd);
  const own = (path: string) => (path === absolute ? cwd : path.startsWith(absolute + sep) ? join(cwd, path.slice(absolute.length + 1)) : path);
  const stat = (asked: string, callback: Callback<ReturnType<typeof stats> | undefined>) => {
    const path = own(asked);
    host.kind(path).then(
      (kind) => (kind === 'missing' ? callback(missing(path), undefined) : callback(null, stats(kind))),
      (error: NodeJS.ErrnoException) => callback(error, undefined),
    );
  };
  const readdir = (asked: string, options: unknown, callback?: Callback<unknown[]>) => {
    const path = own(asked);
    const done = (callback ?? options) as Callback<unknown[]>;
    const withTypes = typeof options === 'object' && options !== null && (options as { withFileTypes?: boolean }).withFileTypes;
    host
      .list(path)
      .then(async (names) => {
        if (!withTypes) return done(null, names);
        const entries = await Promise.all(names.map(async (name) => ({ name, ...stats(await host.kind(join(path, name))) })));
        done(null, entries);
      })
      .catch((error: NodeJS.ErrnoException) => done(error, []));
  };
  return { stat, lstat: stat, readdir };
}
