/** Reads kernel configurations through a host: one config, or fragments merged in order. */
import { join } from 'node:path';
import type { ConfigSet } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { mergeConfigSets } from '../../model/merge-config-sets.js';
import { DEFAULT_LIMITS } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';
import { readKconfig } from './read-kconfig.js';

/** One configuration file: plain, gzip- or xz-compressed, or the bytes a host serves for `-`. */
export async function loadKconfig(path: string, host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<ConfigSet> {
  const kind = await host.kind(path);
  if (kind === 'missing') throw new InputError(diagnostic('FD104', 'no such file', { file: path, line: 0 }));
  if (kind === 'directory') {
    throw new InputError(diagnostic('FD104', 'is a directory; give a kernel config file (.config, config-*, *.gz)', { file: path, line: 0 }));
  }
  return readFile(path, host, limits);
}

async function readFile(path: string, host: ReadHost, limits: InputLimits): Promise<ConfigSet> {
  return readKconfig(await readInputText(path, host, limits), path);
}

/**
 * Fragments merged in the order given, the last writer winning (merge_config.sh). A directory
 * stands for its `*.conf` files in byte order, as a C-locale shell glob lists them.
 */
export async function loadFragments(paths: readonly string[], host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<ConfigSet> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await expandFragmentPath(path, host)));
  const sets: ConfigSet[] = [];
  for (const file of files) sets.push(await readFile(file, host, limits));
  return mergeConfigSets(sets, { source: paths.join(' '), shape: 'fragment' });
}

async function expandFragmentPath(path: string, host: ReadHost): Promise<string[]> {
  const kind = await host.kind(path);
  if (kind === 'missing') throw new InputError(diagnostic('FD104', 'no such file', { file: path, line: 0 }));
  if (kind === 'file') return [path];
  const files = (await host.list(path))
    .filter((name) => name.endsWith('.conf'))
    .sort(byBytes)
    .map((name) => join(path, name));
  if (files.length === 0) throw new InputError(diagnostic('FD104', 'directory holds no *.conf fragment', { file: path, line: 0 }));
  return files;
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
