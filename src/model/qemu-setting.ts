/** A QEMU build option after normalisation: a key, its value, and the category that decides how it compares. */
import type { ConfigSet } from './config-set.js';
import type { Origin } from './origin.js';
import type { Setting } from './setting.js';

/**
 * What an option is about (qemu-sources.md §3 rules 10-12): features and booleans are compared as
 * states, targets and device selection as sets, hardening on its own; path, toolchain and
 * diagnostics options are read but are not differences in what the binary can do.
 */
export type QemuCategory =
  | 'feature'
  | 'boolean'
  | 'combo'
  | 'target'
  | 'device-selection'
  | 'path'
  | 'toolchain'
  | 'hardening'
  | 'diagnostics';

/** Categories read but never compared: where files go, how it is compiled, how it reports itself. */
const UNCOMPARED: ReadonlySet<QemuCategory> = new Set(['path', 'toolchain', 'diagnostics']);

/** Whether options of this category are compared between a reference and a candidate. */
export function isCompared(category: QemuCategory): boolean {
  return !UNCOMPARED.has(category);
}

/** What a finding about a QEMU build is about: an option's category, or a part of the built binary. */
export type QemuSubject = QemuCategory | 'device' | 'machine' | 'object';

/** A feature's effective state: `auto` means "on if the build machine has the library", not a promise. */
export type FeatureState = 'enabled' | 'disabled' | 'auto';

/**
 * One normalised option. `value` is `enabled`/`disabled` for `--enable-X`/`--disable-X` (booleans
 * become `true`/`false` once the version's vocabulary says which is which), the value of `--X=V`,
 * a comma-joined set for lists, and the space-joined words of accumulating options.
 */
export interface QemuSetting extends Setting {
  readonly category: QemuCategory;
  /** The word as written, e.g. `--enable-vhost-user` or `-Dvhost_user=enabled`. */
  readonly spelling: string;
  /** Why the recipe passes it (Kata's tags). */
  readonly tags?: readonly string[];
  /**
   * Set when the value cannot be known statically: the word itself is not evaluated (`--X=%(...)`), or
   * a later word that is not evaluated may set the same option. The reason, for messages.
   */
  readonly unknown?: string;
}

/** A normalised QEMU invocation: a `qemu` ConfigSet whose settings carry their category. */
export interface QemuConfigSet extends ConfigSet {
  readonly settings: ReadonlyMap<string, QemuSetting>;
  /**
   * The first word whose option cannot be told (`--enable-%(cmd)`, `$FLAGS`): any option not written
   * after it may be what it sets, so none of them is known.
   */
  readonly opaque?: { readonly text: string; readonly origin: Origin; readonly reason: string };
}
