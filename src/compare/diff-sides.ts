/** The two sides of `--format diff`: the reference and the candidate, normalised to sorted `KEY=value` lines. */
import type { ConfigSet } from '../model/config-set.js';
import type { Profile } from '../model/requirement.js';

export interface DiffSides {
  readonly reference: readonly string[];
  readonly candidate: readonly string[];
}

/**
 * Every requirement as `KEY=want`, and the candidate's value of each key the reference sets (absent
 * keys have no line). The candidate's other settings are left out: the reference has nothing to say
 * about them, and a full distro config against Kata's few hundred symbols would bury the differences
 * under thousands of lines, the slow case of a line diff too.
 */
export function diffSides(profile: Profile, candidate: ConfigSet): DiffSides {
  const keys = [...profile.requirements.keys()].sort(byteOrder);
  return {
    reference: keys.map((key) => `${key}=${profile.requirements.get(key)!.want}`),
    candidate: keys.flatMap((key) => {
      const setting = candidate.settings.get(key);
      return setting ? [`${key}=${setting.value}`] : [];
    }),
  };
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
