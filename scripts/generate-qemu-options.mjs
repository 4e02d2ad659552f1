// Writes src/knowledge/qemu-options.json: the configure vocabulary of several QEMU versions, read
// from their source trees. Run by hand, output committed:
//   node scripts/generate-qemu-options.mjs 'DIR=SOURCE DESCRIPTION' ...   (oldest first)
// DIR holds a QEMU tree, or at least VERSION and meson_options.txt. What is read (qemu-sources.md §2.6):
// - meson_options.txt: each option's type, default and choices;
// - scripts/meson-buildoptions.sh (>= 6.2): `_meson_option_parse` arms, the exact CLI spellings and
//   the -D each becomes; where it is missing and configure has no option loop of its own either,
//   the spellings are derived with meson-buildoptions.py's rules;
// - configure: its `for opt do` loop arms (hand-handled options; <= 5.x every option) and those it
//   ignores as obsolete (the option's feature is then always built), its defaults
//   (`x=""` probes, i.e. auto; `x="no"`/`x="yes"`, a boolean's false/true; 6.x's default_feature
//   forms), the Linux host overrides (`linux)` in the host case), the variable each arm sets and
//   what it hands meson itself (`-Dtcg=$tcg`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = new URL('../src/knowledge/qemu-options.json', import.meta.url);

// Hand-handled configure options: the key and value each spelling sets (configure's own variables).
const HAND = {
  '--static': ['static', 'true'],
  '--enable-pie': ['pie', 'true'], '--disable-pie': ['pie', 'false'],
  '--enable-cfi': ['cfi', 'true'], '--disable-cfi': ['cfi', 'false'],
  '--enable-debug': ['debug', 'true'],
  '--enable-debug-info': ['debug_info', 'true'], '--disable-debug-info': ['debug_info', 'false'],
  '--enable-werror': ['werror', 'true'], '--disable-werror': ['werror', 'false'],
  '--enable-system': ['system', 'true'], '--disable-system': ['system', 'false'],
  '--enable-user': ['user', 'true'], '--disable-user': ['user', 'false'],
  '--enable-linux-user': ['linux_user', 'true'], '--disable-linux-user': ['linux_user', 'false'],
  '--enable-bsd-user': ['bsd_user', 'true'], '--disable-bsd-user': ['bsd_user', 'false'],
  '--with-default-devices': ['default_devices', 'true'], '--without-default-devices': ['default_devices', 'false'],
  '--without-default-features': ['default_features', 'false'],
  '--target-list=*': ['target_list', '*'], '--target-list-exclude=*': ['target_list_exclude', '*'],
  '--with-devices-*': ['devices', '*'],
  '--enable-trace-backend=*': ['trace_backends', '*'], '--disable-blobs': ['install_blobs', 'false'],
  '--enable-tcmalloc': ['malloc', 'tcmalloc'], '--enable-jemalloc': ['malloc', 'jemalloc'],
  '--enable-lto': ['b_lto', 'true'], '--disable-lto': ['b_lto', 'false'],
  '--enable-gcov': ['b_coverage', 'true'], '--disable-gcov': ['b_coverage', 'false'],
  '--enable-strip': ['strip', 'true'], '--disable-strip': ['strip', 'false'],
};
// Toolchain words configure takes with a value, whatever their variable is called.
const VALUE_WORDS = /^--(cc|cxx|objcc|host-cc|cross-prefix|cpu|make|install|python|meson|ninja|rustc|extra-[a-z]+flags|with-git|with-git-submodules|gdb|smbd|sphinx-build|container-engine|rust-target-triple)=\*$/;

// Changes between the versions read, from the evidence of qemu-sources.md §2.5: [spelling, since, until].
// The releases from 4.0 to 8.2 were checked against qemu/qemu's own release commits (configure and
// meson-buildoptions.sh of each), which put vxhs, sheepdog, xfsctl and libxml2 one release earlier.
const FACTS = [
  ['--enable-bluez', null, '5.0.0'], ['--disable-bluez', null, '5.0.0'],
  ['--enable-libssh2', null, '4.1.0'], ['--disable-libssh2', null, '4.1.0'],
  ['--enable-libssh', '4.1.0', null], ['--disable-libssh', '4.1.0', null],
  ['--enable-vxhs', null, '5.1.0'], ['--disable-vxhs', null, '5.1.0'],
  ['--enable-sheepdog', null, '6.1.0'], ['--disable-sheepdog', null, '6.1.0'],
  ['--enable-xfsctl', null, '7.0.0'], ['--disable-xfsctl', null, '7.0.0'],
  ['--enable-libxml2', null, '7.0.0'], ['--disable-libxml2', null, '7.0.0'],
  ['--enable-vnc-png', null, '7.1.0'], ['--disable-vnc-png', null, '7.1.0'],
  ['--enable-png', '7.1.0', null], ['--disable-png', '7.1.0', null],
  ['--enable-virtiofsd', null, '8.0.0'], ['--disable-virtiofsd', null, '8.0.0'],
  ['--enable-avx2', null, '10.1.0'], ['--disable-avx2', null, '10.1.0'],
  ['--enable-avx512bw', null, '10.1.0'], ['--disable-avx512bw', null, '10.1.0'],
  ['--enable-glusterfs', null, '11.1.0'], ['--disable-glusterfs', null, '11.1.0'],
  // Fedora 39's spec (QEMU 8.1) passes it; the 8.0 dev cycle's meson-buildoptions.sh and 10.0 lack it.
  // When between 8.1 and 10.0 it went is not read: it counts as accepted there.
  ['--enable-virtfs-proxy-helper', '8.1.0', '10.0.0'], ['--disable-virtfs-proxy-helper', '8.1.0', '10.0.0'],
  // QEMU 6.2's configure took any value for capstone, slirp and fdt (`--enable-capstone=*)`, patch
  // "configure: accept "internal" for --enable-capstone/slirp/fdt", Oct 2021; RHEL 8's and Fedora 36's
  // specs pass =internal and =auto); 5.2 named =git and =system only. The capstone arms went with its
  // submodule in 7.1 (May 2022), slirp's in 7.2 (Aug 2022); fdt keeps `--enable-fdt=*` (read from 7.2 on).
  ...['auto', 'disabled', 'enabled', 'internal'].flatMap((value) => [
    [`--enable-capstone=${value}`, '6.2.0', '7.1.0'],
    [`--enable-slirp=${value}`, '6.2.0', '7.2.0'],
    [`--enable-fdt=${value}`, '6.2.0', null],
  ]),
  ...['git', 'system'].flatMap((value) => [[`--enable-capstone=${value}`, null, '7.1.0'], [`--enable-slirp=${value}`, null, '7.2.0']]),
  // The passt network backend: Kata's configure-hypervisor.sh passes --disable-passt from QEMU 10.1.0 on
  // (its version gate); 10.0's configure lacks it, 11.1's has it.
  ['--enable-passt', '10.1.0', null], ['--disable-passt', '10.1.0', null],
];
// Options QEMU added later for something its older versions built in every build, or did not have at
// all: [key, state, series, why, since?]. `always`: what the option turns off is built whatever configure is
// told (a file meson.build adds unconditionally, a dependency it requires, code no #if asks about); `absent`: nothing of it is
// in that version's meson.build files. Each is checked against the trees in test/knowledge/qemu-options.test.ts.
// A version before 5.2 is read as 5.2, so a row holds back to QEMU 3.0 (checked in qemu/qemu's history),
// unless it names the release it holds from: before that, the key has no default (unknown).
export const BEFORE_OPTION = [
  ['vmdk', 'always', ['5.2', '6.2', '7.2'], 'block/meson.build builds vmdk.c unconditionally'],
  ['vpc', 'always', ['5.2', '6.2', '7.2'], 'block/meson.build builds vpc.c unconditionally'],
  ['colo_proxy', 'always', ['5.2', '6.2', '7.2'], 'net/meson.build builds colo-compare.c, colo.c and filter-rewriter.c unconditionally'],
  ['pixman', 'always', ['5.2', '6.2', '7.2'], 'meson.build requires pixman-1 for every system emulator'],
  // 5.2 brought get_relocated_path: before it no install was relocatable
  ['relocatable', 'always', ['5.2', '6.2', '7.2'], 'util/cutils.c relocates its install paths unconditionally (get_relocated_path)', '5.2.0'],
  ...['pipewire', 'rutabaga_gfx', 'hv_balloon', 'libdw', 'debug_graph_lock', 'hexagon_idef_parser'].map((key) => [key, 'absent', ['5.2', '6.2', '7.2'], 'none of its meson.build files names it']),
  ...['qpl', 'uadk', 'debug_remap'].map((key) => [key, 'absent', ['5.2', '6.2', '7.2', '8.2'], 'none of its meson.build files names it']),
  ['passt', 'absent', ['5.2', '6.2', '7.2', '8.2', '10.0'], 'none of its meson.build files names it'],
];
// Renamed keys: an option of an older version that a newer one spells otherwise.
const RENAMES = { vnc_png: 'png', libssh2: 'libssh' };

export function mesonOptions(text) {
  const options = new Map();
  let i = 0;
  let exposed = false;
  while ((i = text.indexOf('option(', i)) >= 0) {
    const marker = text.lastIndexOf('Everything else', i);
    exposed = marker >= 0;
    const end = closing(text, i + 6);
    const body = text.slice(i + 7, end);
    i = end;
    const name = /^\s*'(\w+)'/.exec(body)?.[1];
    if (!name) continue;
    const type = /type\s*:\s*'(\w+)'/.exec(body)?.[1];
    const value = /value\s*:\s*('([^']*)'|true|false|\[([^\]]*)\])/.exec(body);
    const choices = /choices\s*:\s*\[([^\]]*)\]/.exec(body)?.[1];
    const def = value ? (value[2] ?? (value[3] !== undefined ? strings(value[3]).join(',') : value[1])) : '';
    options.set(name, { type, default: def, ...(choices ? { choices: strings(choices) } : {}), exposed });
  }
  return options;
}

function closing(text, open) {
  let depth = 0;
  let quote = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === "'") quote = !quote;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')' && --depth === 0) return i;
  }
  return text.length;
}

function strings(list) {
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

/** `_meson_option_parse` arms: spelling → [key, value]. */
export function buildOptions(text) {
  const arms = new Map();
  for (const m of text.matchAll(/^\s+(--\S+?)\) (?:printf "%s" -D(\w+)=(\S+)|quote_sh "-D(\w+)=)/gm)) {
    arms.set(m[1], m[2] ? [m[2], m[3]] : [m[4], '*']);
  }
  return arms;
}

/** meson-buildoptions.py's rules (QEMU 10.2's), for a tree whose generated script we do not have. */
export function derivedOptions(options) {
  const names = { b_lto: 'lto', b_coverage: 'gcov', pkgversion: 'with-pkgversion', trace_backends: 'enable-trace-backends',
    trace_file: 'with-trace-file', qemu_firmwarepath: 'firmwarepath', qemu_suffix: 'with-suffix', coroutine_backend: 'with-coroutine',
    malloc: 'enable-malloc' };
  const arms = new Map();
  for (const [name, o] of options) {
    // SKIP_OPTIONS as of 10.2: not configure's to set (10.0 skipped gdb too, which configure handles itself)
    if (name === 'default_devices' || name === 'fuzzing_engine') continue;
    const cli = names[name] ?? name.replace(/_/g, '-');
    if (o.type === 'feature') {
      arms.set(`--enable-${cli}`, [name, 'enabled']);
      arms.set(`--disable-${cli}`, [name, 'disabled']);
    } else if (o.type === 'boolean' && o.exposed) {
      arms.set(`--enable-${cli}`, [name, 'true']);
      arms.set(`--disable-${cli}`, [name, 'false']);
    } else if (o.type === 'combo' && o.choices?.includes('enabled')) {
      arms.set(`--enable-${cli}`, [name, 'enabled']);
      arms.set(`--disable-${cli}`, [name, 'disabled']);
      arms.set(`--enable-${cli}=*`, [name, '*']);
    } else {
      arms.set(`--${cli.startsWith('enable-') || cli.startsWith('with-') ? cli : cli}=*`, [name, '*']);
    }
  }
  // meson's builtin options that configure exposes (meson-buildoptions.py OPTION_NAMES and BUILTIN_OPTIONS).
  for (const [name, cli] of [['b_lto', 'lto'], ['b_coverage', 'gcov'], ['strip', 'strip'], ['debug', 'debug-info'], ['werror', 'werror']]) {
    arms.set(`--enable-${cli}`, [name, 'true']);
    arms.set(`--disable-${cli}`, [name, 'false']);
  }
  for (const dir of ['bindir', 'datadir', 'includedir', 'libdir', 'libexecdir', 'localedir', 'localstatedir', 'mandir', 'prefix', 'sysconfdir']) {
    arms.set(`--${dir}=*`, [dir, '*']);
  }
  return arms;
}

/**
 * configure's option loop: every arm pattern (split at `|`), the generic `--*` left out. An arm may
 * go on over lines ending in `|\` (the autoconf switches configure ignores: `--host=*|--build=*|\`).
 */
function configureArms(text) {
  const start = text.lastIndexOf('\nfor opt do');
  const loop = text.slice(start, text.indexOf('\ndone', start)).replace(/\|\\\n\s*/g, '|');
  const arms = new Set();
  for (const m of loop.matchAll(/^\s+(--[^)\s]*(?:\|-?-?[^)\s]*)*)\)/gm)) {
    for (const p of m[1].split('|')) if (p.startsWith('--') && p !== '--*') arms.add(p);
  }
  return arms;
}

/**
 * Switches configure takes and ignores: an arm that only says so (`--enable-vhdx|--disable-vhdx)`
 * then `echo "$0: $opt is obsolete, VHDX driver is always built" >&2`, QEMU 5.2 to 7.2), each with
 * what configure says of it.
 */
export function obsoleteArms(text) {
  const start = text.lastIndexOf('\nfor opt do');
  const loop = text.slice(start, text.indexOf('\ndone', start));
  const obsolete = new Map();
  for (const m of loop.matchAll(/^\s+(--[\w-]+(?:\|--[\w-]+)*)\)\n\s+echo "\$0: \$opt is obsolete, ([^"]+)" >&2\n\s+;;/gm)) {
    for (const spelling of m[1].split('|')) obsolete.set(spelling, m[2]);
  }
  return obsolete;
}

/** The variable each `--enable-X`/`--disable-X` arm of configure's option loop sets (`--disable-strip) strip_opt="no"`). */
export function armVariables(text) {
  const start = text.lastIndexOf('\nfor opt do');
  const loop = text.slice(start, text.indexOf('\ndone', start));
  const variables = new Map();
  for (const m of loop.matchAll(/^\s+(--(?:enable|disable)-[\w-]+)\)\s*(\w+)="?(?:yes|no|enabled|disabled)"?\s*$/gm)) variables.set(m[1], m[2]);
  return variables;
}

/**
 * `x=""` (probe: auto), `x="no"`, `x="yes"` before the option loop, then the Linux host's overrides.
 * QEMU 6.x writes `x="$default_feature"`, a probe too, and `x=${default_feature:-yes}`, on unless
 * --without-default-features: an auto that builds on Linux (qemu-linux-auto.mjs reads the same lines).
 */
export function configureDefaults(text) {
  const head = text.slice(0, text.lastIndexOf('\nfor opt do'));
  const defaults = new Map();
  // 6.x's default_feature forms are left to qemu-linux-auto.mjs: --without-default-features turns them off.
  const featureDefaults = new Set();
  for (const m of head.matchAll(/^(\w+)=(?:"(|no|yes|auto|enabled|disabled)"|("\$default_feature"|\$\{default_feature:-yes\}))$/gm)) {
    defaults.set(m[1], m[2] ?? '');
    if (m[3]) featureDefaults.add(m[1]);
  }
  const linux = /^[Ll]inux\)\n([\s\S]*?)^;;/m.exec(head);
  for (const m of linux?.[1].matchAll(/^\s+(\w+)=(?:"(yes|no)"|(\$\{default_feature:-yes\}))$/gm) ?? []) {
    defaults.set(m[1], m[2] ?? '');
    if (m[3]) featureDefaults.add(m[1]);
  }
  // What configure decides itself after the loop, for a probe nothing set (5.2: vhost_kernel=$linux).
  for (const [name, sources] of configureFollows(text)) {
    if (featureDefaults.has(name) || (defaults.get(name) ?? '') !== '') continue;
    if (sources.some((source) => source === 'linux' || defaults.get(source) === 'yes')) defaults.set(name, 'yes');
  }
  const state = { '': 'auto', no: 'disabled', yes: 'enabled' };
  return new Map([...defaults].map(([k, v]) => [k, state[v] ?? v]));
}

/**
 * What configure decides after its option loop for a variable still empty (QEMU 5.2's and 6.2's vhost
 * interdependencies): `test "$x" = "" && x=$linux` (on, on a Linux host), `test "$x" = "" && x=$y` (as
 * y), and `if test "$x" = ""; then` over `test "$y" = "yes" && x=yes` lines (on if any y is). Each
 * variable, in the order configure decides them → `linux` or the variables it follows.
 */
export function configureFollows(text) {
  const tail = text.slice(text.indexOf('\ndone', text.lastIndexOf('\nfor opt do')));
  const follows = new Map();
  for (const m of tail.matchAll(/^test "\$(\w+)" = "" && \1=\$(\w+)$|^if test "\$(\w+)" = ""; then\n((?:[ \t]+test "\$\w+" = "yes" && \3=yes\n)+)fi$/gm)) {
    if (m[1]) follows.set(m[1], [m[2]]);
    else follows.set(m[3], [...m[4].matchAll(/test "\$(\w+)"/g)].map((n) => n[1]));
  }
  return follows;
}

/** A tree without `configure` (only meson_options.txt) takes the hand-handled arms of the previous tree's. */
export function readTree(dir, previousConfigure) {
  const file = (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : undefined);
  const version = file('VERSION').trim();
  const options = mesonOptions(file('meson_options.txt') ?? '');
  const own = file('configure');
  const configure = own ?? previousConfigure;
  const buildoptions = file('scripts/meson-buildoptions.sh');
  const arms = new Map();
  const hand = configureArms(configure);
  const defaults = own ? configureDefaults(own) : new Map();
  // An option whose variable is named otherwise (strip: strip_opt, tools: want_tools) takes that variable's default.
  for (const [spelling, variable] of own ? armVariables(own) : []) {
    const key = spelling.replace(/^--(enable|disable)-/, '').replace(/-/g, '_');
    if (!defaults.has(key) && defaults.has(variable)) defaults.set(key, defaults.get(variable));
  }
  const generic = buildoptions ? buildOptions(buildoptions) : !configure.includes('meson_option_parse') ? new Map() : derivedOptions(options);
  for (const [spelling, kv] of generic) arms.set(spelling, kv);
  for (const spelling of hand) {
    if (/^--(help|version|cross-cc|cross-prefix-)/.test(spelling) || spelling.includes('[!')) continue;
    const wild = spelling.replace(/\*$/, '');
    const mapped = HAND[spelling] ?? (VALUE_WORDS.test(spelling) ? [wild.slice(2, -1).replace(/-/g, '_'), '*'] : undefined);
    if (mapped) arms.set(spelling, mapped);
    else if (/^--(enable|disable)-[\w-]+$/.test(spelling)) {
      const key = spelling.replace(/^--(enable|disable)-/, '').replace(/-/g, '_');
      const on = spelling.startsWith('--enable');
      const type = options.get(key)?.type;
      arms.set(spelling, [key, type === 'boolean' ? String(on) : on ? 'enabled' : 'disabled']);
    } else if (/^--(enable-[\w-]+=[\w*]+|[\w-]+=\*)$/.test(spelling)) {
      arms.set(spelling, [spelling.slice(2).replace(/^enable-/, '').replace(/=.*$/, '').replace(/-/g, '_'), spelling.endsWith('*') ? '*' : spelling.split('=')[1]]);
    } else if (/^--[\w-]+$/.test(spelling)) arms.set(spelling, [spelling.slice(2).replace(/-/g, '_'), 'true']);
  }
  // Options configure hands meson itself (`-Dtcg=$tcg`): a definite value of its own is the default (6.2's tcg="enabled").
  const passed = new Set([...(own ?? '').matchAll(/-D(\w+)=\$(\w+)\b/g)].filter(([, key, variable]) => key === variable).map(([, key]) => key));
  return { version, options, arms, defaults, configure, passed, obsolete: own ? obsoleteArms(own) : new Map() };
}

/** A configure variable's "yes" or "no" (configureDefaults' enabled/disabled) for a boolean option; a probe has none. */
const BOOLEAN_STATE = { enabled: 'true', disabled: 'false' };

function kindOf(key, trees) {
  for (const t of [...trees].reverse()) {
    const type = t.options.get(key)?.type;
    if (type) return type === 'combo' && t.options.get(key).choices?.includes('enabled') && !t.options.get(key).choices.includes('system') ? 'feature' : type;
  }
  const values = new Set(trees.flatMap((t) => [...t.arms.values()].filter(([k]) => k === key).map(([, v]) => v)));
  if (values.has('enabled') || values.has('disabled')) return 'feature';
  if (values.has('true') || values.has('false')) return 'boolean';
  return 'string';
}

function main() {
  const inputs = process.argv.slice(2).map((arg) => {
    const [dir, ...rest] = arg.split('=');
    return { dir, source: rest.join('=') };
  });
  if (inputs.length === 0) throw new Error('usage: generate-qemu-options.mjs DIR=SOURCE ... (oldest version first)');
  const trees = [];
  for (const { dir, source } of inputs) trees.push({ ...readTree(dir, trees.at(-1)?.configure), source });
  const versions = trees.map((t) => t.version);
  const spellings = {};
  const keys = new Set();
  trees.forEach((t, index) => {
    for (const [spelling, [key, value]] of t.arms) {
      spellings[spelling] ??= { key, value, in: [] };
      spellings[spelling].in.push(index);
      keys.add(key);
    }
  });
  const options = {};
  for (const key of [...keys].sort()) {
    const kind = kindOf(key, trees);
    const defaults = {};
    trees.forEach((t, index) => {
      const o = t.options.get(key);
      const fromConfigure = t.defaults.get(key);
      const definite = t.passed.has(key) && (fromConfigure === 'enabled' || fromConfigure === 'disabled');
      const value = definite ? fromConfigure : o ? o.default : kind === 'feature' ? fromConfigure : kind === 'boolean' ? BOOLEAN_STATE[fromConfigure] : undefined;
      if (value !== undefined && [...t.arms.values()].some(([k]) => k === key)) defaults[index] = value;
    });
    const choices = [...trees].reverse().map((t) => t.options.get(key)?.choices).find(Boolean);
    options[key] = { kind, defaults, ...(choices ? { choices } : {}) };
  }
  // What no build of a version can change: its configure ignores the switches, or the option came later.
  const on = (key) => (options[key].kind === 'boolean' ? 'true' : 'enabled');
  trees.forEach((t, index) => {
    const ignored = [...t.obsolete.keys()].filter((spelling) => t.arms.has(spelling)).sort().reverse();
    for (const key of new Set(ignored.map((spelling) => t.arms.get(spelling)[0]))) {
      const spellings = ignored.filter((spelling) => t.arms.get(spelling)[0] === key);
      options[key].defaults[index] = on(key);
      (options[key].fixed ??= {})[index] = `its configure ignores ${spellings.join(' and ')} as obsolete: "${t.obsolete.get(spellings[0])}"`;
    }
  });
  for (const [key, state, series, why, since] of BEFORE_OPTION) {
    if (since) options[key].fixedSince = since;
    for (const s of series) {
      const index = versions.findIndex((v) => v.startsWith(`${s}.`));
      if (index < 0 || !options[key] || options[key].defaults[index] !== undefined) throw new Error(`BEFORE_OPTION ${key} ${s}: not a version read, or the option exists there`);
      options[key].defaults[index] = state === 'always' ? on(key) : on(key) === 'true' ? 'false' : 'disabled';
      (options[key].fixed ??= {})[index] = `it has no option yet, and ${why}`;
    }
  }
  const sorted = Object.fromEntries(Object.entries(spellings).sort(([a], [b]) => (a < b ? -1 : 1)));
  const facts = FACTS.map(([spelling, since, until]) => ({ spelling, ...(since ? { since } : {}), ...(until ? { until } : {}) }));
  const obsolete = {};
  trees.forEach((t, index) => {
    for (const [spelling, says] of t.obsolete) (obsolete[spelling] ??= { says, in: [] }).in.push(index);
  });
  const data = { versions, sources: trees.map((t) => t.source), spellings: sorted, options, facts, renames: RENAMES, obsolete };
  writeFileSync(OUT, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`${Object.keys(sorted).length} spellings, ${keys.size} keys, versions ${versions.join(' ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
