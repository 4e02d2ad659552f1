/**
 * The build recipes `qemu` and `show` read into builds per arch: an rpm spec file, or Debian's
 * packaging (its debian/rules, its debian directory, or the source tree holding it). Each reader
 * loads only when its recipe is given.
 */
import { basename, dirname, join } from 'node:path';
import type { RecipeBuilds } from '../model/build.js';
import type { ReadHost } from '../readers/host.js';
import { UsageError } from './io.js';

export type RecipeKind = 'spec' | 'debian';

export interface RecipeOptions {
  /** x86_64 when none is given. */
  readonly arches: readonly string[];
  /** A spec's: `--load`, `--define`, `--with`, `--without`. */
  readonly macroFiles?: readonly string[];
  readonly defines: ReadonlyArray<readonly [string, string]>;
  readonly with: readonly string[];
  readonly without: readonly string[];
  /** debian/rules': `--vendor`, `--profile`. */
  readonly vendor?: string;
  readonly profiles: readonly string[];
}

const VENDORS = ['debian', 'ubuntu'] as const;

/**
 * What recipe a path names: a `*.spec` file, a `debian/rules` file, or (when `directories` is set) a
 * directory holding `debian/rules` or `rules`. Undefined for anything else.
 */
export async function recipeKindOf(path: string, host: ReadHost, directories: boolean): Promise<RecipeKind | undefined> {
  if (path.endsWith('.spec')) return 'spec';
  if (basename(path) === 'rules' && basename(dirname(path)) === 'debian') return 'debian';
  if (!directories || (await host.kind(path)) !== 'directory') return undefined;
  for (const rules of [join(path, 'debian/rules'), join(path, 'rules')]) if ((await host.kind(rules)) === 'file') return 'debian';
  return undefined;
}

export async function loadRecipe(path: string, kind: RecipeKind, host: ReadHost, options: RecipeOptions): Promise<RecipeBuilds[]> {
  const arches = options.arches.length ? options.arches : ['x86_64'];
  if (kind === 'spec') {
    if (options.vendor !== undefined || options.profiles.length) throw new UsageError('--vendor and --profile are read by debian/rules; the recipe is a spec file');
    const { loadSpec } = await import('../readers/rpm/load-spec.js');
    return loadSpec(path, host, { arches, macroFiles: options.macroFiles ?? [], defines: options.defines, with: options.with, without: options.without });
  }
  if (options.macroFiles?.length || options.defines.length || options.with.length || options.without.length) {
    throw new UsageError('--load, --define, --with and --without are read by spec files; the recipe is debian/rules');
  }
  const vendor = options.vendor ?? 'debian';
  if (!(VENDORS as readonly string[]).includes(vendor)) throw new UsageError(`--vendor must be one of ${VENDORS.join(', ')}; got '${vendor}'`);
  const { loadDebianRules } = await import('../readers/debian/load-debian-rules.js');
  return loadDebianRules(path, host, { arches, vendor: vendor as (typeof VENDORS)[number], profiles: options.profiles });
}
