/** Last writer wins, nothing is forgotten: how merge_config.sh and Kconfig combine several inputs. */
import type { ConfigMeta, ConfigSet } from './config-set.js';
import type { Diagnostic } from './diagnostic.js';
import type { Assignment, Setting } from './setting.js';

/**
 * Merges configurations in the order given. A later assignment replaces an earlier one, which is
 * kept in `writers` (oldest first), as scripts/kconfig/merge_config.sh does with fragments.
 */
export function mergeConfigSets(sets: readonly ConfigSet[], meta: ConfigMeta): ConfigSet {
  // A single set is its own merge: its settings are shared rather than copied.
  if (sets.length === 1) return { ...sets[0]!, meta };
  const settings = new Map<string, Setting>();
  const diagnostics: Diagnostic[] = [];
  for (const set of sets) {
    if (set.domain !== sets[0]?.domain) throw new TypeError(`cannot merge ${set.domain} into ${sets[0]?.domain}`);
    diagnostics.push(...set.diagnostics);
    for (const [key, setting] of set.settings) settings.set(key, override(settings.get(key), setting));
  }
  return { domain: sets[0]?.domain ?? 'kernel', settings, meta, diagnostics };
}

/** `next` wins over `previous`, which joins its writers. */
export function override(previous: Setting | undefined, next: Setting): Setting {
  return previous ? { ...next, writers: [...writersOf(previous), ...(next.writers ?? [])] } : next;
}

/** Every assignment behind a setting, oldest first, the setting's own last. */
export function writersOf(setting: Setting): Assignment[] {
  return [...(setting.writers ?? []), { value: setting.value, origin: setting.origin }];
}
