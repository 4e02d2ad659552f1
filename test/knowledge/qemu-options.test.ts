// The configure vocabulary (src/knowledge/qemu-options.json) against QEMU's own files: each version's
// spellings are what its configure's option loop and scripts/meson-buildoptions.sh take, and the rules
// 11.1's are derived with (from meson_options.txt alone) give 10.2's generated script exactly.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script (the generator of the knowledge), without types
import { BEFORE_OPTION, armVariables, buildOptions, configureDefaults, derivedOptions, mesonOptions, obsoleteArms, readTree } from '../../scripts/generate-qemu-options.mjs';
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { ORACLES_REQUIRED, configureTreeMissing, findConfigureTree, findQemuTree, qemuTreeMissing } from '../../scripts/oracles.mjs';

interface Shipped {
  readonly versions: readonly string[];
  readonly spellings: Record<string, { readonly in: readonly number[] }>;
  readonly options: Record<string, { readonly defaults: Record<string, string> }>;
  readonly obsolete: Record<string, { readonly says: string; readonly in: readonly number[] }>;
}
const shipped = JSON.parse(readFileSync(new URL('../../src/knowledge/qemu-options.json', import.meta.url), 'utf8')) as Shipped;
const SERIES = ['5.2', '7.2', '10.0', '10.2'];
const trees = Object.fromEntries(SERIES.map((series) => [series, findConfigureTree(series) as string | undefined]));
const missing = SERIES.filter((series) => !trees[series]);
if (ORACLES_REQUIRED && missing.length) throw new Error(missing.map((series) => configureTreeMissing(series)).join('; '));

describe.skipIf(missing.length > 0)(`QEMU's configure of Debian's 5.2, 7.2, 10.0 and 10.2${missing.length ? ` (skipped: ${missing.map((s) => configureTreeMissing(s)).join('; ')})` : ''}`, () => {
  it('takes exactly the spellings the vocabulary gives each version', () => {
    for (const series of SERIES) {
      const tree = readTree(trees[series]) as { version: string; arms: Map<string, unknown> };
      const index = shipped.versions.indexOf(tree.version);
      expect(index, `${series}: ${tree.version} is a version the vocabulary read`).toBeGreaterThanOrEqual(0);
      const spellings = Object.keys(shipped.spellings).filter((spelling) => shipped.spellings[spelling]!.in.includes(index));
      expect([...tree.arms.keys()].sort(), series).toEqual(spellings.sort());
    }
  });

  it('ignores the autoconf switches rpm\'s %configure passes, in one case arm continued over five lines', () => {
    const tree = readTree(trees['10.0']) as { arms: Map<string, unknown> };
    for (const spelling of ['--host=*', '--build=*', '--disable-dependency-tracking', '--sbindir=*', '--sharedstatedir=*', '--infodir=*', '--psdir=*']) {
      expect(tree.arms.has(spelling), spelling).toBe(true);
    }
    expect(readFileSync(`${trees['10.0']}/configure`, 'utf8')).toMatch(/--host=\*\|--build=\*\|\\\n\s+--disable-dependency-tracking\|\\\n/);
  });

  it("gives a boolean kept in configure's own variable (not meson's) that variable's first value", () => {
    // debug_tcg="no", tcg_interpreter="no", qom_cast_debug="yes" before 5.2's option loop; 7.2 kept debug_tcg
    const first = (series: string, name: string) => new RegExp(`^${name}="(yes|no)"$`, 'm').exec(readFileSync(`${trees[series]}/configure`, 'utf8'))?.[1];
    const cases: Array<[string, string]> = [['5.2', 'debug_tcg'], ['5.2', 'tcg_interpreter'], ['5.2', 'qom_cast_debug'], ['7.2', 'debug_tcg']];
    for (const [series, name] of cases) {
      const value = first(series, name);
      expect(value, `${series} ${name}`).toBeDefined();
      const index = shipped.versions.findIndex((version) => version.startsWith(`${series}.`));
      expect(shipped.options[name]!.defaults[String(index)], `${series} ${name}`).toBe(value === 'yes' ? 'true' : 'false');
    }
  });

  it("gives 5.2's vhost features the default its configure decides on a Linux host after the option loop", () => {
    const defaults = configureDefaults(readFileSync(`${trees['5.2']}/configure`, 'utf8')) as Map<string, string>;
    const index = shipped.versions.findIndex((version) => version.startsWith('5.2.'));
    for (const key of ['vhost_kernel', 'vhost_net', 'vhost_scsi', 'vhost_vsock', 'vhost_vdpa']) {
      expect([key, defaults.get(key), shipped.options[key]!.defaults[String(index)]]).toEqual([key, 'enabled', 'enabled']);
    }
  });

  it('ignores as obsolete, in 5.2 and 7.2, the switches the vocabulary says it does, and builds what they name', () => {
    for (const series of SERIES) {
      const index = shipped.versions.findIndex((version) => version.startsWith(`${series}.`));
      const text = readFileSync(`${trees[series]}/configure`, 'utf8');
      // Each switch configure answers with "is obsolete" and nothing else, read here apart from the generator.
      const ignored = [...text.matchAll(/^\s+([-\w|]+)\)\n\s+echo "\$0: \$opt is obsolete, (.+)" >&2$/gm)].flatMap(([, arms, says]) => arms!.split('|').map((s) => [s, says]));
      const shippedHere = Object.entries(shipped.obsolete).filter(([, row]) => row.in.includes(index)).map(([spelling, row]) => [spelling, row.says]);
      expect(shippedHere.sort(), series).toEqual(ignored.sort());
      if (series === '5.2' || series === '7.2') expect(Object.fromEntries(ignored)['--disable-vhdx'], series).toBe('VHDX driver is always built');
      for (const [spelling] of ignored) expect(shipped.options[spelling!.replace(/^--(en|dis)able-/, '').replace(/-/g, '_')]!.defaults[String(index)], `${series} ${spelling}`).toBe('enabled');
    }
    expect(shipped.options.vhdx!.defaults[String(shipped.versions.findIndex((v) => v.startsWith('10.0.')))]).toBe('auto');
  });

  it("derives 10.2's scripts/meson-buildoptions.sh from its meson_options.txt, by the rules 11.1's spellings are read with", () => {
    const dir = trees['10.2']!;
    const derived = derivedOptions(mesonOptions(readFileSync(`${dir}/meson_options.txt`, 'utf8'))) as Map<string, unknown>;
    expect(derived).toEqual(buildOptions(readFileSync(`${dir}/scripts/meson-buildoptions.sh`, 'utf8')));
  });
});

describe("configure's own defaults", () => {
  it('reads a probe, a yes and a no, QEMU 6.x\'s default_feature forms, and the Linux host case last', () => {
    const text = ['gio=""', 'debug_tcg="no"', 'qom_cast_debug="yes"', 'vhost_net="$default_feature"', 'bochs=${default_feature:-yes}', 'vhost_user="no"', 'case $targetos in', 'Linux)', '  vhost_user=${default_feature:-yes}', '  linux_user="yes"', ';;', 'esac', 'for opt do', 'done'].join('\n');
    expect(Object.fromEntries(configureDefaults(text) as Map<string, string>)).toEqual({
      gio: 'auto', debug_tcg: 'disabled', qom_cast_debug: 'enabled', vhost_net: 'auto', bochs: 'auto', vhost_user: 'auto', linux_user: 'enabled',
    });
  });

  it('reads the switches an arm of its own only calls obsolete, and no arm that does more', () => {
    const text = [
      'uuid=""', 'for opt do', 'case "$opt" in',
      '  --enable-vhdx|--disable-vhdx)', '      echo "$0: $opt is obsolete, VHDX driver is always built" >&2', '  ;;',
      '  --enable-blobs) blobs="yes"', '      echo "$0: $opt is obsolete, ignored" >&2', '  ;;',
      '  --disable-uuid)', '      echo "$0: $opt is obsolete, UUID support is always built" >&2', '      uuid="no"', '  ;;',
      'esac', 'done',
    ].join('\n');
    expect(Object.fromEntries(obsoleteArms(text) as Map<string, string>)).toEqual({ '--enable-vhdx': 'VHDX driver is always built', '--disable-vhdx': 'VHDX driver is always built' });
  });

  it("reads what 5.2's configure decides after its option loop for a probe nothing set (vhost_kernel=$linux), not 6.x's default_feature ones", () => {
    const text = [
      'vhost_net=""', 'vhost_scsi=""', 'vhost_user="no"', 'vhost_vdpa="$default_feature"', 'xen="no"',
      'case $targetos in', 'Linux)', '  vhost_user="yes"', ';;', 'esac',
      'for opt do', 'done',
      'test "$vhost_kernel" = "" && vhost_kernel=$linux',
      'test "$vhost_scsi" = "" && vhost_scsi=$vhost_kernel',
      'test "$vhost_vdpa" = "" && vhost_vdpa=$linux',
      'test "$xen" = "" && xen=$linux',
      'if test "$vhost_net" = ""; then', '  test "$vhost_kernel" = "yes" && vhost_net=yes', 'fi',
    ].join('\n');
    expect(Object.fromEntries(configureDefaults(text) as Map<string, string>)).toEqual({
      vhost_net: 'enabled', vhost_scsi: 'enabled', vhost_user: 'enabled', vhost_vdpa: 'auto', xen: 'disabled', vhost_kernel: 'enabled',
    });
  });

  it('takes the default of the variable an option sets under another name (5.2: --disable-strip) strip_opt="no")', () => {
    const text = ['strip_opt="yes"', 'want_tools=""', 'for opt do', 'case "$opt" in', '  --disable-strip) strip_opt="no"', '  ;;', '  --enable-tools) want_tools="yes"', '  ;;', '  --enable-kvm) kvm="enabled"', '  ;;', 'esac', 'done'].join('\n');
    expect(Object.fromEntries(armVariables(text) as Map<string, string>)).toEqual({ '--disable-strip': 'strip_opt', '--enable-tools': 'want_tools', '--enable-kvm': 'kvm' });
  });
});

// What an older QEMU builds where a later one has an option for it (BEFORE_OPTION), seen in the trees
// CI downloads (Debian's 5.2, 7.2 and 10.0); 6.2's and 8.2's rows were read in qemu/qemu's release
// commits, which CI cannot download.
const BUILT_TREES = ['5.2', '7.2', '10.0'];
const builtTrees = Object.fromEntries(BUILT_TREES.map((series) => [series, findQemuTree(series) as string | undefined]));
const builtMissing = BUILT_TREES.filter((series) => !builtTrees[series]);
if (ORACLES_REQUIRED && builtMissing.length) throw new Error(builtMissing.map((series) => qemuTreeMissing(series)).join('; '));

/** The files unconditionally built, or required, that show what an `always` row says. */
const BUILT_ALWAYS: Record<string, { file: string; tokens: string[] }> = {
  vmdk: { file: 'block/meson.build', tokens: ["'vmdk.c'"] },
  vpc: { file: 'block/meson.build', tokens: ["'vpc.c'"] },
  colo_proxy: { file: 'net/meson.build', tokens: ["'colo-compare.c'", "'colo.c'", "'filter-rewriter.c'"] },
  pixman: { file: 'meson.build', tokens: ["dependency('pixman-1', required: have_system"] },
  relocatable: { file: 'util/cutils.c', tokens: ['char *get_relocated_path('] },
};
/** The word an `absent` row's feature would be named by in meson.build files (options, sources, dependencies). */
const NAMED = (key: string) => new RegExp({ rutabaga_gfx: 'rutabaga', hv_balloon: 'hv.balloon', debug_graph_lock: 'graph.lock', hexagon_idef_parser: 'idef', debug_remap: 'debug.remap', passt: '\\bpasst\\b' }[key] ?? key, 'i');

function mesonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? mesonFiles(join(dir, entry.name)) : entry.name === 'meson.build' || entry.name === 'meson_options.txt' ? [join(dir, entry.name)] : [],
  );
}

/** How many `if` blocks are open at the first line holding `token`. */
function ifDepthAt(text: string, token: string): number {
  let depth = 0;
  for (const line of text.split('\n')) {
    if (line.includes(token)) return depth;
    if (/^\s*if\b/.test(line)) depth++;
    if (/^\s*endif\b/.test(line)) depth--;
  }
  throw new Error(`${token} is not in the file`);
}

describe.skipIf(builtMissing.length > 0)(`before QEMU had an option for it, in Debian's 5.2, 7.2 and 10.0${builtMissing.length ? ` (skipped: ${builtMissing.map((s) => qemuTreeMissing(s)).join('; ')})` : ''}`, () => {
  const rows = (BEFORE_OPTION as Array<[string, 'always' | 'absent', string[], string]>).flatMap(([key, state, series]) => series.filter((s) => BUILT_TREES.includes(s)).map((s) => [key, state, s] as const));

  it.each(rows)('%s is %s in QEMU %s', (key, state, series) => {
    const tree = builtTrees[series]!;
    const files = mesonFiles(tree);
    // No option for it in that version (meson_options.txt of its configure tree)
    expect(readFileSync(`${findConfigureTree(series)}/meson_options.txt`, 'utf8')).not.toContain(`option('${key}'`);
    if (state === 'always') {
      const { file, tokens } = BUILT_ALWAYS[key]!;
      const text = readFileSync(join(tree, file), 'utf8');
      for (const token of tokens) expect(text, `${key}: ${token} in ${file}`).toContain(token);
      // C code: nothing in it asks whether the install is relocatable (10.0's asks CONFIG_RELOCATABLE)
      if (file.endsWith('.c')) expect(text).not.toContain('CONFIG_RELOCATABLE');
      // pixman is required inside `if have_system or have_tools`: every system emulator build
      else for (const token of tokens) expect(ifDepthAt(text, token), `${key}: ${token} in ${file}`).toBe(key === 'pixman' ? 1 : 0);
    } else {
      expect(files.filter((file) => NAMED(key).test(readFileSync(file, 'utf8'))), key).toEqual([]);
    }
    const index = shipped.versions.findIndex((v) => v.startsWith(`${series}.`));
    expect(shipped.options[key]!.defaults[String(index)]).toMatch(state === 'always' ? /^(enabled|true)$/ : /^(disabled|false)$/);
  });

  it('names the features the next version read has an option for, in its meson.build files (the word the check looks for is the right one)', () => {
    const later = readFileSync(`${findConfigureTree('10.2') ?? findConfigureTree('10.0')}/meson_options.txt`, 'utf8');
    for (const [key] of BEFORE_OPTION as Array<[string]>) expect(later, key).toContain(`option('${key}'`);
    expect(readFileSync(join(builtTrees['10.0']!, 'util/cutils.c'), 'utf8')).toContain('CONFIG_RELOCATABLE');
    const files = mesonFiles(findQemuTree('10.2') ?? builtTrees['10.0']!);
    for (const [key, state] of BEFORE_OPTION as Array<[string, string]>) {
      if (state === 'absent') expect(files.some((file) => NAMED(key).test(readFileSync(file, 'utf8'))), key).toBe(true);
    }
  });
});
