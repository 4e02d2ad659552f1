/**
 * The effective state of a QEMU build for a version (qemu-sources.md §3 rules 4-6): an option that
 * is written has its value; a feature that is not takes the version's default, and
 * `--without-default-features` (meson `-Dauto_features=disabled`) turns the `auto` ones, and only
 * those, off. Booleans, combos and features with a non-auto default (tcg) keep their default. An
 * `auto` that builds on Linux what `enabled` builds (knowledge/qemu-linux-auto.ts) is `enabled`.
 */
import type { QemuCategory, QemuConfigSet, QemuSetting } from '../model/qemu-setting.js';
import { autoBuildsAsEnabled } from '../knowledge/qemu-linux-auto.js';
import { currentKey, fixedIn, optionDefault, optionKeys, optionKind } from '../knowledge/qemu-vocabulary.js';

export interface EffectiveOption {
  readonly key: string;
  readonly category: QemuCategory;
  readonly value: string;
  /**
   * `explicit`: written; `default`: the version's default; `without-default-features`: auto turned
   * off; `linux-auto`: auto, which on a Linux host builds what enabled builds; `targets`: whether
   * user-mode emulators are built, read from the target list; `fixed`: no build of the version can
   * change it (`fixed` then says why: knowledge/qemu-vocabulary.ts fixedIn).
   */
  readonly how: 'explicit' | 'default' | 'without-default-features' | 'linux-auto' | 'targets' | 'fixed';
  readonly fixed?: string;
  readonly setting?: QemuSetting;
  /** Why the value is not known: a word not evaluated statically sets, or may set, the option. */
  readonly unknown?: string;
}

export function effectiveQemu(config: QemuConfigSet, version: string): Map<string, EffectiveOption> {
  const effective = new Map<string, EffectiveOption>();
  for (const setting of config.settings.values()) {
    const key = currentKey(setting.key);
    const kind = optionKind(key);
    const category = kind === 'boolean' && setting.category === 'feature' ? 'boolean' : setting.category;
    effective.set(key, { key, category, value: valueFor(kind, setting.value), how: 'explicit', setting, ...(setting.unknown ? { unknown: setting.unknown } : {}) });
  }
  const reason = opaqueReason(config);
  const opaque = reason ? { unknown: reason } : {};
  const noAuto = effective.get('default_features')?.value === 'false' || effective.get('auto_features')?.value === 'disabled';
  for (const option of userModes(effective, opaque)) effective.set(option.key, option);
  for (const key of optionKeys(version)) {
    if (!effective.has(key) && optionKind(key) === 'feature') effective.set(key, unwritten(key, version, noAuto, opaque));
  }
  return effective;
}

/** A feature the build does not write. What no build of the version can change, no unknown word changes either. */
function unwritten(key: string, version: string, noAuto: boolean, opaque: { unknown?: string }): EffectiveOption {
  const value = optionDefault(key, version)!;
  const fixed = fixedIn(key, version);
  if (fixed) return { key, category: 'feature', value, how: 'fixed', fixed };
  if (value !== 'auto') return { key, category: 'feature', value, how: 'default', ...opaque };
  if (noAuto) return { key, category: 'feature', value: 'disabled', how: 'without-default-features', ...opaque };
  if (autoBuildsAsEnabled(key, version)) return { key, category: 'feature', value: 'enabled', how: 'linux-auto', ...opaque };
  return { key, category: 'feature', value, how: 'default', ...opaque };
}

/** configure's switches for user-mode emulation, and the suffix of the targets they stand for. */
const USER_MODES = [['linux_user', '-linux-user'], ['bsd_user', '-bsd-user']] as const;

/**
 * Whether a build makes user-mode emulators, where it does not write --disable-linux-user or
 * --disable-bsd-user. configure's switches only shape the default target list (a target named in
 * --target-list must be in it), so the targets decide: without a list, a Linux host builds every
 * *-linux-user target and no *-bsd-user one (bsd_user is on by default on FreeBSD only);
 * --disable-user turns both off.
 */
function userModes(effective: ReadonlyMap<string, EffectiveOption>, opaque: { unknown?: string }): EffectiveOption[] {
  const targets = effective.get('target_list');
  const user = effective.get('user')?.value;
  const noUser = user === 'false' || user === 'disabled';
  return USER_MODES.filter(([key]) => !effective.has(key)).map(([key, suffix]) => {
    const builds = targets ? targets.value.split(',').some((t) => t.trim().endsWith(suffix)) : key === 'linux_user' && !noUser;
    const unknown = targets ? targets.unknown : opaque.unknown;
    return { key, category: 'target', value: String(builds), how: 'targets', ...(unknown ? { unknown } : {}) };
  });
}

/** Why an option the build does not write is unknown: a word before it that may set any option. */
export function opaqueReason(config: QemuConfigSet): string | undefined {
  const { opaque } = config;
  return opaque && `${opaque.text} at line ${opaque.origin.line} is not evaluated statically (${opaque.reason}) and may set it`;
}

/**
 * Defaults of options configure handles itself (not in meson_options.txt): `static="no"`,
 * `cfi="false"`, `debug` off (Q72 configure); meson's builtins `b_lto` and `strip` default to false.
 */
const HAND_DEFAULTS: Readonly<Record<string, string>> = { static: 'false', cfi: 'false', debug: 'false', b_lto: 'false', strip: 'false' };

/** A key's value when it is not written, for comparing booleans and combos with what the other side writes. */
export function defaultValue(key: string, version: string): string | undefined {
  const value = optionDefault(key, version) ?? HAND_DEFAULTS[key];
  return value === undefined ? undefined : valueFor(optionKind(key), value);
}

/** `--enable-X` means `true` for a boolean and `enabled` for a feature; `-DX=true` the other way round. */
function valueFor(kind: string | undefined, value: string): string {
  if (kind === 'boolean') return value === 'enabled' ? 'true' : value === 'disabled' ? 'false' : value;
  if (kind === 'feature') return value === 'true' ? 'enabled' : value === 'false' ? 'disabled' : value;
  return value;
}
