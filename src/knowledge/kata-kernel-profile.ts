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
import type { KataKernelData } from '../readers/kata/read-kata-kernel.js';
import data from './kata-kernel.json' with { type: 'json' };

const KATA: KataKernelData = data as KataKernelData;

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
    // whitelist.conf lines are grep patterns matched anywhere in merge_config.sh's
    // "Value requested for CONFIG_X not in final .config" line: a substring match.
    mayBeAbsent: (key) => kata.whitelist.some((pattern) => `Value requested for ${key} not in final .config`.includes(pattern)),
  });
}

function fragmentSet(kata: KataKernelData, path: string): ConfigSet {
  const file = `${kata.root}/${path}`;
  const settings: Record<string, Setting> = Object.create(null) as Record<string, Setting>;
  for (const [key, value, line] of kata.fragments[path] ?? []) {
    settings[key] = override(settings[key], { key, value, origin: { file, line } });
  }
  return { domain: 'kernel', settings, meta: { source: file, shape: 'fragment' }, diagnostics: [] };
}
