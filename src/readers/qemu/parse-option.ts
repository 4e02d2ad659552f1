/**
 * One configure or meson word → the option key it sets, the value and its category. Mirrors how
 * QEMU's configure reads its arguments (qemu-sources.md §2.2): `--enable-X`/`--disable-X` set the
 * meson option X (dashes become underscores), `--enable-X=V` and `--X=V` give a value, the options
 * configure handles itself map to their own keys, and aliases map to what they stand for.
 * Whether X exists in a given QEMU version is the vocabulary's business (src/knowledge), not this file's.
 */
import type { QemuCategory } from '../../model/qemu-setting.js';

/** How repeated writes of a key combine within one invocation. */
export type MergeRule = 'last' | 'accumulate';

export interface ParsedOption {
  readonly key: string;
  /** `enabled`/`disabled` for enable/disable words, the value of `=V`, `true` for a bare switch. */
  readonly value: string;
  readonly category: QemuCategory;
  readonly merge: MergeRule;
}

// configure's own spellings and aliases (Q72 configure :L701-900): word → [key, value].
const SPECIAL: Readonly<Record<string, readonly [string, string]>> = {
  '--static': ['static', 'true'],
  '--with-default-devices': ['default_devices', 'true'],
  '--without-default-devices': ['default_devices', 'false'],
  '--without-default-features': ['default_features', 'false'],
  '--disable-blobs': ['install_blobs', 'disabled'],
  '--enable-tcmalloc': ['malloc', 'tcmalloc'],
  '--enable-jemalloc': ['malloc', 'jemalloc'],
};

// Spellings whose key is not the spelling with dashes turned into underscores (meson-buildoptions.py OPTION_NAMES).
const RENAMED: Readonly<Record<string, string>> = {
  lto: 'b_lto',
  gcov: 'b_coverage',
  'with-pkgversion': 'pkgversion',
  'enable-trace-backends': 'trace_backends',
  'enable-trace-backend': 'trace_backends',
  'with-trace-file': 'trace_file',
  firmwarepath: 'qemu_firmwarepath',
  'with-suffix': 'qemu_suffix',
  'with-coroutine': 'coroutine_backend',
  'with-git-submodules': 'git_submodules',
};

const CATEGORY: ReadonlyMap<string, QemuCategory> = new Map([
  ...words('hardening', 'static pie b_pie b_lto cfi cfi_debug safe_stack stack_protector'),
  ...words('diagnostics', 'debug debug_info werror trace_backends trace_file asan ubsan tsan b_coverage sanitizers'),
  ...words('target', 'target_list target_list_exclude system user linux_user bsd_user'),
  ...words('device-selection', 'default_devices'),
  ...words(
    'path',
    'prefix bindir sbindir libdir libexecdir datadir datarootdir sysconfdir localstatedir sharedstatedir docdir mandir includedir ' +
      'oldincludedir localedir infodir htmldir dvidir pdfdir psdir qemu_firmwarepath interp_prefix qemu_suffix pkgversion smbd iasl',
  ),
  ...words(
    'toolchain',
    'cc cxx objcc host_cc cross_prefix cpu python meson ninja make install rustc extra_cflags extra_cxxflags extra_objcflags ' +
      'extra_ldflags with_git git_submodules strip gdb sphinx_build skip_meson container_engine rust_target_triple ' +
      // autoconf's switches, which configure takes and ignores so that rpm's %configure can call it
      'host build dependency_tracking',
  ),
]);

const LISTS = new Set(['target_list', 'target_list_exclude', 'audio_drv_list', 'trace_backends', 'block_drv_rw_whitelist', 'block_drv_ro_whitelist']);
const ACCUMULATING = new Set(['extra_cflags', 'extra_cxxflags', 'extra_objcflags', 'extra_ldflags']);

function words(category: QemuCategory, list: string): Array<[string, QemuCategory]> {
  return list.split(' ').map((key) => [key, category]);
}

/** The option a word sets, or `undefined` for a word that is not an option at all. */
export function parseOption(word: string): ParsedOption | undefined {
  const special = SPECIAL[word];
  if (special) return make(special[0], special[1]);
  if (word.startsWith('-D') && word.length > 2) {
    const eq = word.indexOf('=');
    return eq > 2 ? make(word.slice(2, eq), word.slice(eq + 1)) : undefined;
  }
  if (!word.startsWith('--') || word.length === 2) return undefined;
  const body = word.slice(2);
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const value = eq < 0 ? undefined : body.slice(eq + 1);
  if (name.startsWith('with-devices-') && value !== undefined) return make(`devices_${name.slice(13)}`, value, 'device-selection');
  const toggle = /^(enable|disable|with|without)-(.+)$/.exec(name);
  if (value === undefined) {
    if (!toggle) return make(keyOf(name), 'true');
    const on = toggle[1] === 'enable' || toggle[1] === 'with';
    return make(keyOf(toggle[2]!), on ? 'enabled' : 'disabled');
  }
  if (RENAMED[name]) return make(RENAMED[name]!, value);
  // `--enable-fdt=system`: a combo given a value; `--with-X=V` and `--X=V`: a value.
  if (toggle && (toggle[1] === 'enable' || toggle[1] === 'with')) return make(keyOf(toggle[2]!), value, 'combo');
  return make(keyOf(name), value);
}

function keyOf(name: string): string {
  return RENAMED[name] ?? name.replace(/-/g, '_');
}

function make(key: string, raw: string, fallback?: QemuCategory): ParsedOption {
  const category = CATEGORY.get(key) ?? fallback ?? guessCategory(raw);
  const merge: MergeRule = ACCUMULATING.has(key) ? 'accumulate' : 'last';
  const value = LISTS.has(key) ? normalizeList(raw) : merge === 'accumulate' ? raw.trim() : raw;
  return { key, value, category, merge };
}

/** enabled/disabled/auto: a feature (or a boolean, which the vocabulary tells apart); anything else a value. */
function guessCategory(value: string): QemuCategory {
  if (value === 'enabled' || value === 'disabled' || value === 'auto') return 'feature';
  if (value === 'true' || value === 'false') return 'boolean';
  return 'combo';
}

/** Lists are sets: commas (QEMU's separator) or blanks (Clear Linux's spelling), empty items dropped. */
export function normalizeList(value: string): string {
  return value
    .split(/[,\s]+/)
    .filter((item) => item !== '')
    .join(',');
}
