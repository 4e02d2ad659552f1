/**
 * A host that reads only inside one tree. What an input names (an include, a `configs:` list, a file
 * found by walking the tree) cannot lead outside it, through `..`, an absolute path or a symbolic link:
 * flagdiff runs on pull requests, and a file it reads could be quoted back in its diagnostics.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError, diagnostic } from '../model/diagnostic.js';
import type { ReadHost } from './host.js';

export function confinedHost(host: ReadHost, root: string): ReadHost {
  let realRoot: Promise<string> | undefined;
  const check = async (path: string): Promise<void> => {
    if (!within(resolve(root), resolve(path))) throw outside(path, root);
    if (!host.realPath || (await host.kind(path)) === 'missing') return;
    realRoot ??= host.realPath(root);
    if (!within(await realRoot, await host.realPath(path))) throw outside(path, root);
  };
  return {
    async kind(path) {
      await check(path);
      return host.kind(path);
    },
    async readFile(path, maxBytes) {
      await check(path);
      return host.readFile(path, maxBytes);
    },
    async list(directory) {
      await check(directory);
      return host.list(directory);
    },
    ...(host.realPath ? { realPath: (path: string) => host.realPath!(path) } : {}),
  };
}

/** Whether `path` is `root` or below it. */
function within(root: string, path: string): boolean {
  const rest = relative(root, path);
  return !rest.startsWith('..') && !isAbsolute(rest);
}

function outside(path: string, root: string): InputError {
  return new InputError(diagnostic('FD157', `${path} is outside ${root}, the tree it is named in; it is not read`, { file: path, line: 0 }));
}
