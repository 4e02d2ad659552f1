/**
 * What `flagdiff qemu` compares: `kata` (Kata's own build), a `qemu-system-*` binary, a recipe (a
 * spec file or debian/rules: its builds per arch), or a flags file (configure words or a meson -D list).
 */
import type { Build, RecipeBuilds } from '../model/build.js';
import { DEFAULT_LIMITS, decodeInput } from '../readers/decode-input.js';
import type { ReadHost } from '../readers/host.js';
import { archOfTargets } from '../readers/qemu/normalize-build.js';
import { readFlags } from '../readers/qemu/read-flags.js';
import { readQemuHelp } from '../readers/qemu/read-qemu-help.js';
import type { QemuHelp } from '../readers/qemu/read-qemu-help.js';
import { isElf } from './elf.js';
import { UsageError } from './io.js';
import { archOfBinary, probeQemuBinary } from './qemu-probe.js';
import { loadRecipe, recipeKindOf } from './recipe-source.js';
import type { RecipeOptions } from './recipe-source.js';

export type QemuCandidate =
  | { readonly kind: 'kata' }
  | { readonly kind: 'binary'; readonly arch?: string; readonly help: QemuHelp }
  | { readonly kind: 'flags'; readonly arch?: string; readonly build: Build }
  /** One reading per arch asked, in that order. */
  | { readonly kind: 'recipe'; readonly readings: readonly RecipeBuilds[] };

export interface CandidateOptions extends RecipeOptions {
  /** `--build`: only a recipe with several invocations has something to pick. */
  readonly build?: string;
  /** `--qemu-tree` or `--devices` given: they describe a build, which a binary is not. */
  readonly deviceOptions: boolean;
}

export async function loadQemuCandidate(path: string, host: ReadHost, options: CandidateOptions): Promise<QemuCandidate> {
  const recipe = await recipeKindOf(path, host, true);
  if (recipe) return { kind: 'recipe', readings: await loadRecipe(path, recipe, host, options) };
  const recipeOnly = options.macroFiles?.length || options.defines.length || options.with.length || options.without.length || options.vendor !== undefined || options.profiles.length;
  if (recipeOnly) throw new UsageError('--load, --define, --with, --without, --vendor and --profile are read by recipes (spec files, debian/rules); the candidate is not one');
  if (options.build !== undefined) throw new UsageError('--build picks one invocation of a recipe with several; Kata, a flags file or a binary has one');
  if (path === 'kata') return { kind: 'kata' };
  // A binary is recognised by its first bytes only: qemu-system binaries can be larger than the input limit.
  if (isElf(path)) {
    if (options.deviceOptions) throw new UsageError('--qemu-tree and --devices describe a build; a binary says what it has in its help output');
    const arch = archOfBinary(path);
    return { kind: 'binary', ...(arch ? { arch } : {}), help: readQemuHelp(probeQemuBinary(path), path) };
  }
  const build = readFlags(decodeInput(await host.readFile(path, DEFAULT_LIMITS.maxBytes), path), path);
  const arch = archOfTargets(build.argv.find((a) => a.text.startsWith('--target-list='))?.text.slice(14));
  return { kind: 'flags', ...(arch ? { arch } : {}), build };
}
