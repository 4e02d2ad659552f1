/** Kata's guest-kernel requirements for one arch and flavour: the selected fragments merged, last writer winning. */
import type { Arch } from '../../model/arch.js';
import type { ConfigSet } from '../../model/config-set.js';
import { override } from '../../model/merge-config-sets.js';
import { profileFromConfig } from '../../model/profile-from-config.js';
import type { Profile } from '../../model/requirement.js';
import type { Setting } from '../../model/setting.js';
import type { WaiverSet } from '../../model/waiver.js';
import type { KataKernelData } from './read-kata-kernel.js';
import { allowedAbsentFor } from './read-kata-kernel.js';
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

/**
 * The requirements, each with the fragments that ask for it (its reasons) and every writer kept. With a
 * `kernelVersion` other than Kata's pin, whitelist-<that version>.conf decides what may be absent.
 */
export function kataKernelRequirements(kata: KataKernelData, arch: Arch, flavor = 'plain', kernelVersion = kata.kernelVersion): Profile {
  const selection = kataKernelSelection(kata, arch, flavor);
  const merged = mergedFragments(kata, selection, `kata ${arch}`);
  const allowed = kernelVersion === kata.kernelVersion ? kata.mayBeAbsent : allowedAbsentFor(kata, kernelVersion);
  return profileFromConfig(merged, {
    name: flavor === 'plain' ? 'kata' : `kata (${flavor})`,
    source: `${kata.repository}@${kata.commit.slice(0, 12)}`,
    arch,
    flavor,
    meta: { commit: kata.commit, kernel: kernelVersion, kataConfigVersion: kata.configVersion, fragments: String(selection.length) },
    waivers: whitelistWaivers(kata, allowed),
  });
}

const WHITELIST_REASON = "Kata's whitelist.conf lets this symbol be absent: it was renamed, removed or added across kernel versions";
const whitelists = new WeakMap<readonly string[], WaiverSet>();

/**
 * Kata's whitelist as built-in waivers: each symbol it matches may be absent (`missing`, or `unknown`
 * in a partial config), nothing more (build-kernel.sh filters only merge_config.sh's "not in final
 * .config" lines with it). The data keeps the patterns without their lines, so the waivers point at
 * the file as a whole (line 0).
 */
function whitelistWaivers(kata: KataKernelData, allowed: readonly string[]): WaiverSet {
  let set = whitelists.get(allowed);
  if (!set) {
    const origin = { file: `${kata.root}/whitelist.conf`, line: 0 };
    const waivers = allowed.map((key) => ({ key, reason: WHITELIST_REASON, kinds: ['missing' as const, 'unknown' as const], domains: ['kernel' as const], origin }));
    whitelists.set(allowed, (set = { source: origin.file, builtIn: true, waivers }));
  }
  return set;
}

/** The fragments merged in order, as merge_config.sh does: last writer wins, every writer kept. */
function mergedFragments(kata: KataKernelData, selection: readonly string[], source: string): ConfigSet {
  const settings = new Map<string, Setting>();
  for (const path of selection) {
    const file = `${kata.root}/${path}`;
    for (const [key, value, line] of kata.fragments[path] ?? []) settings.set(key, override(settings.get(key), { key, value, origin: { file, line } }));
  }
  return { domain: 'kernel', settings, meta: { source }, diagnostics: [] };
}
