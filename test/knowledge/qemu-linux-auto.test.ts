import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script (the generator of the knowledge), without types
import { autoFeaturesOf, configureOnByDefault, linuxAutoFeatures } from '../../scripts/qemu-linux-auto.mjs';
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { ORACLES_REQUIRED, findQemuTree, qemuTreeMissing } from '../../scripts/oracles.mjs';
import { autoBuildsAsEnabled } from '../../src/knowledge/qemu-linux-auto.js';
import { tempDir } from '../helpers/temp-dir.js';

const shipped = JSON.parse(readFileSync(new URL('../../src/knowledge/qemu-linux-auto.json', import.meta.url), 'utf8')) as { versions: Record<string, string[]> };
const trees = Object.fromEntries(['7.2', '10.0', '10.2'].map((series) => [series, findQemuTree(series) as string | undefined]));
const missing = Object.keys(trees).filter((series) => !trees[series]);
if (ORACLES_REQUIRED && missing.length) throw new Error(missing.map((series) => qemuTreeMissing(series)).join('; '));

/** A tree of one meson.build (and block/meson.build when given), judged for feature `x`. */
function judge(main: string, block?: string): string[] {
  const dir = tempDir('flagdiff-meson-');
  writeFileSync(join(dir, 'meson.build'), main);
  if (block) {
    mkdirSync(join(dir, 'block'));
    writeFileSync(join(dir, 'block', 'meson.build'), block);
  }
  return linuxAutoFeatures(dir, ['x']) as string[];
}

describe('linuxAutoFeatures: auto builds what enabled builds, by meson.build', () => {
  it.each([
    ['a block driver asked only whether it is allowed', "if get_option('x').allowed()\n  block_ss.add(files('x.c'))\nendif\n", ['x']],
    ["Linux-only, and Linux is the host (vhost-user's shape)", "have_x = get_option('x') \\\n  .disable_auto_if(host_os != 'linux') \\\n  .require(host_os != 'windows',\n           error_message: 'no') \\\n  .allowed()\n", ['x']],
    ['required on a list of systems that holds linux', "have_x = get_option('x').require(host_os in ['sunos', 'linux'], error_message: 'os').allowed()\n", ['x']],
    ['a system emulator is built', "have_x = get_option('x').disable_auto_if(not have_system and not have_tools).allowed()\n", ['x']],
    ['a variable assigned once, then read', "on_linux = host_os == 'linux'\nhave_x = get_option('x').require(on_linux).allowed()\n", ['x']],
    ['another condition in the statement, alike for both', "have_x_net = have_other and get_option('x').allowed()\n", ['x']],
    ['asked whether it is not disabled', "if not get_option('x').disabled()\n  block_ss.add(files('x.c'))\nendif\n", ['x']],
    ['summary lines are not a use', "summary_info += {'x support': get_option('x').allowed()}\nif get_option('x').allowed()\nendif\n", ['x']],
    ['# comments and strings with # are skipped', "# get_option('x') in a comment\nmsg = 'a # b'\nif get_option('x').allowed() # why\nendif\n", ['x']],
    ['handed to a probe: enabled fails where auto goes without', "dep = dependency('libx', required: get_option('x'))\n", []],
    ['an error check that may fire', "if get_option('x').allowed()\n  have_x = cc.has_header('x.h')\n  if not have_x and get_option('x').enabled()\n    error('no x.h')\n  endif\nendif\n", []],
    ['required on a library found', "have_x = get_option('x').require(libattr.found(), error_message: 'attr').allowed()\n", []],
    ['required on another feature', "have_x = get_option('x').require(have_vhost_user).allowed()\n", []],
    ['Windows only', "have_x = get_option('x').require(host_os == 'windows').allowed()\n", []],
    ['off on Linux unless asked', "have_x = get_option('x').disable_auto_if(host_os == 'linux').allowed()\n", []],
    ['asked only whether enabled: auto means off', "if get_option('x').enabled()\n  block_ss.add(files('x.c'))\nendif\n", []],
    ['the feature object kept for later', "x_opt = get_option('x')\nif get_option('x').allowed()\nendif\n", []],
    ['never read', "if get_option('y').allowed()\nendif\n", []],
    // QEMU 6.x: configure's outcome (config_host) may come from its own probe of the feature
    ['with what configure found', "if not get_option('x').disabled() and 'CONFIG_X_BACKEND' in config_host\nendif\n", []],
  ])('%s', (_, main, expected) => {
    expect(judge(main)).toEqual(expected);
  });

  it("takes what QEMU 6.x's configure turns on by itself, on Linux, everywhere and after its option loop, and nothing it probes", () => {
    const dir = tempDir('flagdiff-configure-');
    const configure = [
      'default_feature=""',
      'bochs=${default_feature:-yes}',
      'seccomp="$default_feature"',
      'vhost_kernel="$default_feature"',
      'vhost_net="$default_feature"',
      'vhost_vsock="$default_feature"',
      'vhost_user="no"',
      'xen="no"',
      'case $targetos in',
      'Linux)',
      '  vhost_user=${default_feature:-yes}',
      ';;',
      'esac',
      'for opt do',
      '  --late) later=${default_feature:-yes} ;;',
      'done',
      // 6.2's vhost interdependencies: what is still empty after the loop follows $linux or another vhost
      'test "$vhost_kernel" = "" && vhost_kernel=$linux',
      'test "$vhost_vsock" = "" && vhost_vsock=$vhost_kernel',
      'test "$vhost_net_user" = "" && vhost_net_user=$vhost_user',
      // xen="no" before the loop: this never fires
      'test "$xen" = "" && xen=$linux',
      'if test "$vhost_net" = ""; then',
      '  test "$vhost_net_user" = "yes" && vhost_net=yes',
      '  test "$vhost_kernel" = "yes" && vhost_net=yes',
      'fi',
    ].join('\n');
    writeFileSync(join(dir, 'configure'), configure);
    expect((configureOnByDefault(dir) as string[]).sort()).toEqual(['bochs', 'vhost_kernel', 'vhost_net', 'vhost_net_user', 'vhost_user', 'vhost_vsock']);
  });

  it('reads every meson.build of the tree, not only the top one', () => {
    expect(judge("project('q')\n", "if get_option('x').allowed()\n  block_ss.add(files('x.c'))\nendif\n")).toEqual(['x']);
    expect(judge("if get_option('x').allowed()\nendif\n", "dep = dependency('x', required: get_option('x'))\n")).toEqual([]);
  });
});

describe.skipIf(missing.length > 0)(`QEMU's own meson.build (Debian's 7.2, 10.0 and 10.2 sources${missing.length ? `: ${missing.map((s) => qemuTreeMissing(s)).join('; ')}` : ''})`, () => {
  it('gives the shipped knowledge (src/knowledge/qemu-linux-auto.json)', () => {
    for (const series of Object.keys(trees)) {
      const { version, names } = autoFeaturesOf(trees[series]) as { version: string; names: string[] };
      expect(linuxAutoFeatures(trees[series], names), series).toEqual(shipped.versions[version]);
    }
  });

  it('agrees with a reading of 10.0 meson.build by hand on the features Kata enables', () => {
    const { names } = autoFeaturesOf(trees['10.0']) as { names: string[] };
    const found = new Set(linuxAutoFeatures(trees['10.0'], names) as string[]);
    // have_vhost_* at meson.build:229-247; block/meson.build:60 `if get_option('vmdk').allowed()`
    for (const feature of ['vhost_user', 'vhost_kernel', 'vhost_net', 'vmdk']) expect(found.has(feature), feature).toBe(true);
    // required: get_option(...) (attr, cap_ng, seccomp, numa, linux_aio, linux_io_uring); malloc_trim and kvm
    // have an error check on .enabled(); virtfs requires libattr.found()
    for (const feature of ['attr', 'cap_ng', 'seccomp', 'numa', 'linux_aio', 'linux_io_uring', 'malloc_trim', 'kvm', 'virtfs']) {
      expect(found.has(feature), feature).toBe(false);
    }
  });
});

describe('autoBuildsAsEnabled', () => {
  it.each([
    ['vhost_user', '10.0.13', true],
    ['vhost_user', '10.0.2', true],
    ['vhost_user', '8.2.2', true], // 8.2's own meson.build (Ubuntu 24.04's QEMU)
    ['vmdk', '8.2.2', true],
    ['vmdk', '8.0.0', false], // between 7.2 and 8.2, which do not agree: 7.2 has no vmdk option
    ['vhost_user', '9.2.0', true], // between 8.2 and 10.0, which agree
    ['vhost_user', '10.1.3', true], // between 10.0 and 10.2 (Fedora 43's QEMU)
    ['vhost_user', '10.2.2', true],
    ['vhost_user', '6.2.0', true], // 6.2's configure turns it on in its Linux case: vhost_user=${default_feature:-yes}
    ['bochs', '6.2.0', true], // bochs=${default_feature:-yes}
    ['xen', '6.2.0', false], // meson.build reads configure's own probe (config_host): not decidable
    ['vhost_user', '6.0.0', false], // before the versions read (5.2's configure decided such features itself)
    ['vhost_user', '11.0.1', false], // after the versions read
    ['seccomp', '10.0.13', false],
  ])('%s in QEMU %s: %s', (key, version, expected) => {
    expect(autoBuildsAsEnabled(key, version)).toBe(expected);
  });
});
