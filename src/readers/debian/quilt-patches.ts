/**
 * The configure options Debian's patches to QEMU add: debian/patches/series lists them in the order
 * dpkg-source applies them (quilt's format: a patch name per line, options such as `-p1` after it,
 * `#` comments); each is read for the `case` arms it adds to configure (readers/qemu/patched-options.ts).
 * A patch the series names but the tree lacks is skipped: dpkg-source would stop there itself.
 */
import { join } from 'node:path';
import type { PatchedOption } from '../../model/build.js';
import { InputError } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { optionsAddedBy } from '../qemu/patched-options.js';

/** Patches read from a series at most: Debian's QEMU lists ~100; a longer list is not read further. */
const MAX_PATCHES = 10_000;

export function seriesPatches(series: string): string[] {
  return series
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim().split(/\s+/)[0]!)
    .filter((name) => name !== '');
}

/**
 * `host` keeps the reading inside the source tree: a series naming a file outside it (`../../x`) has
 * that file refused (FD157, in `diagnostics`), and the other patches are read.
 */
export async function quiltPatchOptions(tree: string, host: ReadHost): Promise<{ options: PatchedOption[]; diagnostics: Diagnostic[] }> {
  const directory = join(tree, 'debian', 'patches');
  const read = async (file: string) => decodeInput(await host.readFile(file, DEFAULT_LIMITS.maxBytes), file);
  const options: PatchedOption[] = [];
  const diagnostics: Diagnostic[] = [];
  if ((await host.kind(join(directory, 'series'))) !== 'file') return { options, diagnostics };
  for (const name of seriesPatches(await read(join(directory, 'series'))).slice(0, MAX_PATCHES)) {
    const patch = join(directory, name);
    try {
      if ((await host.kind(patch)) === 'file') options.push(...optionsAddedBy(await read(patch), patch));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      diagnostics.push(error.diagnostic);
    }
  }
  return { options, diagnostics };
}
