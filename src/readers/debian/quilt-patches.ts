/**
 * The configure options Debian's patches to QEMU add: debian/patches/series lists them in the order
 * dpkg-source applies them (quilt's format: a patch name per line, options such as `-p1` after it,
 * `#` comments); each is read for the `case` arms it adds to configure (readers/qemu/patched-options.ts).
 * A patch the series names but the tree lacks is skipped: dpkg-source would stop there itself.
 */
import { join } from 'node:path';
import type { PatchedOption } from '../../model/build.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { optionsAddedBy } from '../qemu/patched-options.js';

export function seriesPatches(series: string): string[] {
  return series
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim().split(/\s+/)[0]!)
    .filter((name) => name !== '');
}

/** `host` keeps the reading inside the source tree. */
export async function quiltPatchOptions(tree: string, host: ReadHost): Promise<PatchedOption[]> {
  const directory = join(tree, 'debian', 'patches');
  const read = async (file: string) => decodeInput(await host.readFile(file, DEFAULT_LIMITS.maxBytes), file);
  if ((await host.kind(join(directory, 'series'))) !== 'file') return [];
  const found: PatchedOption[] = [];
  for (const name of seriesPatches(await read(join(directory, 'series')))) {
    const patch = join(directory, name);
    if ((await host.kind(patch)) === 'file') found.push(...optionsAddedBy(await read(patch), patch));
  }
  return found;
}
