/** Kata's guest-kernel requirements for one arch and flavour: the selected fragments merged, last writer winning. */
import type { Arch } from '../../model/arch.js';
import type { ConfigSet } from '../../model/config-set.js';
import { mergeConfigSets, override } from '../../model/merge-config-sets.js';
import { profileFromConfig } from '../../model/profile-from-config.js';
import type { Profile } from '../../model/requirement.js';
import type { Setting } from '../../model/setting.js';
import type { KataKernelData } from './read-kata-kernel.js';
import { kernelFlavorNames, kernelOptionsOf, selectKataFragments } from './select-kata-fragments.js';

/** The flavours build-kernel.sh can build for this arch (a flavour whose selection fails is left out). */
export function kataKernelFlavorsOf(kata: KataKernelData, arch: Arch): string[] {
  const paths = Object.keys(kata.fragments);
  return kernelFlavorNames(paths).filter((name) => {
    const options = kernelOptionsOf(name, arch, paths);
    return options !== undefined && 'paths' in selectKataFragments(paths, kata.exclusions, arch, options);
  });
}

/** The fragments build-kernel.sh merges for this arch and flavour, in order; throws a RangeError saying why it cannot. */
export function kataKernelSelection(kata: KataKernelData, arch: Arch, flavor: string): readonly string[] {
  const paths = Object.keys(kata.fragments);
  const options = kernelOptionsOf(flavor, arch, paths);
  if (!options) throw new RangeError(`no ${flavor} kernel flavour: the flavours are ${kernelFlavorNames(paths).join(', ')} (combine them with +)`);
  const selection = selectKataFragments(paths, kata.exclusions, arch, options);
  if ('error' in selection) throw new RangeError(`no ${flavor} kernel for ${arch}: ${selection.error}`);
  return selection.paths;
}

/** The requirements, each with the fragments that ask for it (its reasons) and every writer kept. */
export function kataKernelRequirements(kata: KataKernelData, arch: Arch, flavor = 'plain'): Profile {
  const selection = kataKernelSelection(kata, arch, flavor);
  const merged = mergeConfigSets(selection.map((path) => fragmentSet(kata, path)), { source: `kata ${arch}` });
  const allowed = new Set(kata.mayBeAbsent);
  return profileFromConfig(merged, {
    name: flavor === 'plain' ? 'kata' : `kata (${flavor})`,
    source: `${kata.repository}@${kata.commit.slice(0, 12)}`,
    arch,
    flavor,
    meta: { commit: kata.commit, kernel: kata.kernelVersion, kataConfigVersion: kata.configVersion, fragments: String(selection.length) },
    mayBeAbsent: (key) => allowed.has(key),
  });
}

function fragmentSet(kata: KataKernelData, path: string): ConfigSet {
  const file = `${kata.root}/${path}`;
  const settings = new Map<string, Setting>();
  for (const [key, value, line] of kata.fragments[path] ?? []) {
    settings.set(key, override(settings.get(key), { key, value, origin: { file, line } }));
  }
  return { domain: 'kernel', settings, meta: { source: file, shape: 'fragment' }, diagnostics: [] };
}
