/**
 * Reads a spec file for each arch asked: rpm's macros and conditionals resolved (src/eval/rpm), then
 * the configure and meson invocations its %build section runs, each a `Build`.
 */
import { createExpansionMemo } from '../../eval/rpm/expansion-memo.js';
import { lookupMacro } from '../../eval/rpm/macro-table.js';
import { preprocessSpec } from '../../eval/rpm/preprocess-spec.js';
import type { IncludeReader, PreprocessedSpec } from '../../eval/rpm/preprocess-spec.js';
import type { PatchedOption, RecipeBuilds } from '../../model/build.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { dirname } from 'node:path';
import { confinedInclude } from './confined-include.js';
import { checkDeviceFiles } from './device-overlays.js';
import { extractBuilds } from './extract-builds.js';
import { optionsAddedBy } from '../qemu/patched-options.js';

export interface SpecReadOptions {
  /** Target arches, as `rpmspec --target`: uname names (`x86_64`, `aarch64`, `s390x`, `ppc64le`, `riscv64`). */
  readonly arches: readonly string[];
  /** `--load FILE`: a distribution's macro files (PLD's rpm-build-macros), read before the platform's and `--define`. */
  readonly macroFiles?: readonly string[];
  /** `--define NAME=VALUE`, in order: distribution macros such as `fedora`, `rhel`, `optflags`. */
  readonly defines?: ReadonlyArray<readonly [string, string]>;
  /** `--with X`, `--without X`, for the spec's `%bcond`s. */
  readonly with?: readonly string[];
  readonly without?: readonly string[];
  readonly limits?: InputLimits;
}

export async function loadSpec(path: string, host: ReadHost, options: SpecReadOptions): Promise<RecipeBuilds[]> {
  const kind = await host.kind(path);
  if (kind !== 'file') throw new InputError(diagnostic('FD104', kind === 'missing' ? 'no such file' : 'is a directory; give a spec file', { file: path, line: 0 }));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const text = decodeInput(await host.readFile(path, limits.maxBytes), path, limits);
  const include = confinedInclude(path, host, limits);
  const macroFiles = await Promise.all((options.macroFiles ?? []).map(async (file) => ({ file, text: await readMacroFile(file, host, limits) })));
  const readings: RecipeBuilds[] = [];
  // Expansions are shared between arches: what reads nothing arch-specific is expanded once.
  const memo = options.arches.length > 1 ? createExpansionMemo() : undefined;
  // A spec's patches are the same files on every arch: each is read once.
  const patches = new Map<string, Promise<PatchedOption[]>>();
  const optionsOf = (file: string) => {
    if (!patches.has(file)) patches.set(file, optionsOfPatch(file, include));
    return patches.get(file)!;
  };
  for (const arch of options.arches) {
    const spec = await preprocessSpec(
      { file: path, text },
      {
        arch,
        defines: [['_sourcedir', dirname(path)], ['_specdir', dirname(path)], ...(options.defines ?? [])],
        with: options.with ?? [],
        without: options.without ?? [],
        macroFiles,
        stopAfter: 'build',
        bodies: ['build'],
        parsed: false,
        ...(memo ? { memo } : {}),
      },
      include,
    );
    const reading = buildsOf(spec, path, arch);
    const { builds, refused } = await checkDeviceFiles(reading.builds, dirname(path), host);
    const patchedOptions = (await Promise.all(patchFiles(spec).map(optionsOf))).flat();
    readings.push({
      ...reading,
      builds,
      ...(patchedOptions.length ? { patchedOptions } : {}),
      ...(refused.length ? { diagnostics: [...reading.diagnostics, ...refused] } : {}),
    });
  }
  return readings;
}

/** Patches read from a spec at most: Fedora's qemu.spec has ~30; more are not read. */
const MAX_PATCHES = 10_000;

/** The spec's `Patch:` files, as rpm names them (`%{PATCHn}`: the spec's directory and the file's name). */
function patchFiles(spec: PreprocessedSpec): string[] {
  const names = [...spec.macros.entries.keys()].filter((name) => /^PATCH\d+$/.test(name)).slice(0, MAX_PATCHES);
  return names.map((name) => lookupMacro(spec.macros, name)!.body.text);
}

/** The configure options a patch next to the spec adds; one that is not there (or not readable) adds none. */
async function optionsOfPatch(file: string, include: IncludeReader): Promise<PatchedOption[]> {
  const read = await include(file, { file, line: 0 });
  return 'text' in read ? optionsAddedBy(read.text, read.file) : [];
}

/** A macro file the user named: read as given (it is asked for), with the same limits as the spec. */
async function readMacroFile(file: string, host: ReadHost, limits: InputLimits): Promise<string> {
  const kind = await host.kind(file);
  if (kind !== 'file') throw new InputError(diagnostic('FD104', kind === 'missing' ? 'no such file (a macro file given with --load)' : 'is a directory; --load takes a macro file', { file, line: 0 }));
  return decodeInput(await host.readFile(file, limits.maxBytes), file, limits);
}

function buildsOf(spec: PreprocessedSpec, path: string, arch: string): RecipeBuilds {
  const whole = { file: path, line: 0 };
  const excluded = excludedBy(spec, arch);
  if (excluded) return { source: path, arch, builds: [], diagnostics: [...spec.diagnostics, diagnostic('FD129', excluded, whole)] };
  const section = spec.sections.find((s) => s.kind === 'build');
  if (!section) return { source: path, arch, builds: [], diagnostics: [...spec.diagnostics, diagnostic('FD128', 'the spec has no %build section, so it runs no configure', whole)] };
  const extracted = extractBuilds(section.body, { file: path, sourceDir: dirname(path), arch, origin: section.origin, unknowns: spec.unknowns });
  const version = versionOf(spec);
  return { source: path, arch, builds: extracted.builds, ...(version ? { version } : {}), diagnostics: [...spec.diagnostics, ...extracted.diagnostics] };
}

/**
 * The main package's `Version:`, when it is a plain version once expanded: `%{VERSION}`, which rpm
 * defines from the main package only (a subpackage's `Version:` redefines `%{version}`).
 */
function versionOf(spec: PreprocessedSpec): string | undefined {
  const text = lookupMacro(spec.macros, 'VERSION')?.body.text.trim();
  return text && /^\d+(\.\d+)*$/.test(text) ? text : undefined;
}

/** rpm builds a spec only for the arches its ExclusiveArch lists and its ExcludeArch does not. */
function excludedBy(spec: PreprocessedSpec, arch: string): string | undefined {
  if (spec.exclusiveArch.length > 0 && !spec.exclusiveArch.includes(arch)) return `ExclusiveArch: ${spec.exclusiveArch.join(' ')} leaves out ${arch}; rpm does not build the spec there`;
  if (spec.excludeArch.includes(arch)) return `ExcludeArch: ${spec.excludeArch.join(' ')} leaves out ${arch}; rpm does not build the spec there`;
  return undefined;
}
