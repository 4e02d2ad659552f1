/**
 * The built-in Kata guest-kernel profile: Kata's fragments, shipped as data (kata-kernel.json,
 * written by `npm run profiles`), merged per arch in the order build-kernel.sh merges them.
 */
import type { Arch } from '../model/arch.js';
import type { ConfigSet } from '../model/config-set.js';
import { mergeConfigSets, override } from '../model/merge-config-sets.js';
import { profileFromConfig } from '../model/profile-from-config.js';
import type { Profile } from '../model/requirement.js';
import type { Setting } from '../model/setting.js';
import type { WaiverSet } from '../model/waiver.js';
import type { KataKernelData } from '../readers/kata/read-kata-kernel.js';
import data from './kata-kernel.json' with { type: 'json' };

// JSON imports type tuples as arrays; the generator writes exactly this shape.
const KATA = data as unknown as KataKernelData;

export function kataKernelFlavors(arch: Arch): string[] {
  return Object.keys(KATA.selections[arch] ?? {});
}

/** Kata's requirements for a guest kernel of this arch and flavour (`plain`: no build options). */
export function kataKernelProfile(arch: Arch, flavor = 'plain', kata: KataKernelData = KATA): Profile {
  const selection = kata.selections[arch]?.[flavor];
  if (!selection) throw new RangeError(`the built-in Kata profile has no ${flavor} kernel for ${arch}`);
  const merged = mergeConfigSets(selection.map((path) => fragmentSet(kata, path)), { source: `kata ${arch}` });
  return profileFromConfig(merged, {
    name: flavor === 'plain' ? 'kata' : `kata (${flavor})`,
    source: `${kata.repository}@${kata.commit.slice(0, 12)}`,
    arch,
    flavor,
    meta: { commit: kata.commit, kernel: kata.kernelVersion, kataConfigVersion: kata.configVersion },
    waivers: whitelistWaivers(kata),
  });
}

const WHITELIST_REASON = "Kata's whitelist.conf lets this symbol be absent: it was renamed, removed or added across kernel versions";
const whitelists = new WeakMap<KataKernelData, WaiverSet>();

/**
 * Kata's whitelist.conf as built-in waivers: each symbol it matches may be absent (`missing`, or `unknown`
 * in a partial config), nothing more (build-kernel.sh filters only merge_config.sh's "not in final
 * .config" lines with it). The data
 * keeps the patterns without their lines, so the waivers point at the file as a whole (line 0).
 */
function whitelistWaivers(kata: KataKernelData): WaiverSet {
  let set = whitelists.get(kata);
  if (!set) {
    const origin = { file: `${kata.root}/whitelist.conf`, line: 0 };
    const waivers = kata.mayBeAbsent.map((key) => ({ key, reason: WHITELIST_REASON, kinds: ['missing' as const, 'unknown' as const], domains: ['kernel' as const], origin }));
    whitelists.set(kata, (set = { source: origin.file, builtIn: true, waivers }));
  }
  return set;
}

function fragmentSet(kata: KataKernelData, path: string): ConfigSet {
  const file = `${kata.root}/${path}`;
  const settings = new Map<string, Setting>();
  for (const [key, value, line] of kata.fragments[path] ?? []) {
    settings.set(key, override(settings.get(key), { key, value, origin: { file, line } }));
  }
  return { domain: 'kernel', settings, meta: { source: file, shape: 'fragment' }, diagnostics: [] };
}
