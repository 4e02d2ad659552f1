// Debian's layered debian/config: which fragments a flavour merges, in which order, and the result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { loadDebianConfig } from '../../../src/readers/kconfig/load-debian-config.js';
import { readDebianDefines } from '../../../src/readers/kconfig/read-debian-defines.js';
import { DEBIAN_LAYERED, corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';

const ASSIGNMENT = /^(CONFIG_\w+)=(.*)$|^# (CONFIG_\w+) is not set$/;

/** key → value of the last assignment across the files, read with a plain regex. */
function lastValues(paths: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of paths) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const m = ASSIGNMENT.exec(line);
      if (m) out[(m[1] ?? m[3])!] = m[2] ?? 'n';
    }
  }
  return out;
}

describe('readDebianDefines', () => {
  it('reads sections, lower-cased keys and continuation lists, skipping comment lines inside them', () => {
    const d = readDebianDefines('[base]\nFlavours:\n amd64\n# a comment\n cloud-amd64\ndefault-flavour: amd64\n\n[cloud-amd64_image]\nconfigs = a b\n', 'defines');
    expect(d.sections.get('base')?.get('flavours')).toEqual({ value: 'amd64\ncloud-amd64', line: 2 });
    expect(d.sections.get('cloud-amd64_image')?.get('configs')?.value).toBe('a b');
    expect(readDebianDefines('orphan: 1\n', 'd').diagnostics).toMatchObject([{ code: 'FD155', line: 1 }]);
  });
});

describe('loadDebianConfig on Debian 6.0~rc4 defines (corpus)', () => {
  const root = corpus(DEBIAN_LAYERED);
  const at = (...paths: string[]) => paths.map((p) => join(root, p));

  it.each([
    // variant, files in merge order as gencontrol.py lists them for the corpus defines
    ['amd64_none_amd64', at('config', 'kernelarch-x86/config', 'amd64/config')],
    // amd64/config.cloud-amd64 is the flavour's own slot, then amd64/none/defines [cloud-amd64_image]
    // configs: config.cloud amd64/config.cloud-amd64 replaces the last slot: the file comes twice.
    ['amd64_none_cloud-amd64', at('config', 'kernelarch-x86/config', 'amd64/config', 'amd64/config.cloud-amd64', 'config.cloud', 'amd64/config.cloud-amd64')],
  ])('%s merges %j', async (variant, files) => {
    const set = await loadDebianConfig(root, variant, undefined, nodeHost());
    expect(set.meta.files).toEqual(files);
    expect(Object.fromEntries([...set.settings.values()].map((s) => [s.key, s.value]))).toEqual(lastValues(files));
    expect(set.meta).toMatchObject({ shape: 'partial', arch: 'x86_64', declaredArch: 'amd64', variant });
  });

  it('takes the default flavour of amd64/none/defines when none is named', async () => {
    expect((await loadDebianConfig(root, undefined, 'amd64', nodeHost())).meta.variant).toBe('amd64_none_amd64');
  });

  it.each([
    // variant, arch, message
    ['arm64_none_arm64', undefined, 'no arm64/defines'],
    ['amd64_rt_amd64', undefined, 'amd64 has no flavours in featureset rt'],
    ['bogus', 'amd64', 'no flavour bogus for amd64 none; it has amd64 cloud-amd64'],
  ])('refuses %s with FD150', async (variant, arch, message) => {
    await expect(loadDebianConfig(root, variant, arch, nodeHost())).rejects.toThrow(message);
  });
});

describe('loadDebianConfig on defines.toml (written for the test, shaped like Debian 6.12)', () => {
  const host = memoryHost({
    'c/defines.toml': "[[kernelarch]]\nname = 'x86'\n  [[kernelarch.debianarch]]\n  name = 'amd64'\n\n[[featureset]]\nname = 'none'\n",
    'c/amd64/defines.toml': "[[flavour]]\nname = 'amd64'\n[flavour.defs]\nis_default = true\n\n[[flavour]]\nname = 'cloud-amd64'\n[flavour.build]\nconfig = ['config.cloud', 'amd64/config.cloud-amd64']\n\n[[featureset]]\nname = 'none'\n",
    'c/config': 'CONFIG_A=m\nCONFIG_B=m\n',
    'c/kernelarch-x86/config': 'CONFIG_C=y\n',
    'c/amd64/config': 'CONFIG_A=y\n',
    'c/config.cloud': '# CONFIG_B is not set\n',
    'c/amd64/config.cloud-amd64': 'CONFIG_D=y\n',
  });

  it.each([
    // variant, files, values
    [undefined, ['config', 'kernelarch-x86/config', 'amd64/config'], { CONFIG_A: 'y', CONFIG_B: 'm', CONFIG_C: 'y' }],
    // a flavour's build.config comes before its default file, which is then read again
    ['cloud-amd64', ['config', 'kernelarch-x86/config', 'amd64/config', 'config.cloud', 'amd64/config.cloud-amd64', 'amd64/config.cloud-amd64'], { CONFIG_A: 'y', CONFIG_B: 'n', CONFIG_C: 'y', CONFIG_D: 'y' }],
  ])('flavour %s merges %j', async (variant, files, values) => {
    const set = await loadDebianConfig('c', variant, 'amd64', host);
    expect(set.meta.files).toEqual(files.map((f) => `c/${f}`));
    expect(Object.fromEntries([...set.settings.values()].map((s) => [s.key, s.value]))).toEqual(values);
  });

  it('says which named file is absent', async () => {
    const set = await loadDebianConfig('c', 'cloud-amd64', 'amd64', memoryHost({ 'c/defines.toml': "[[kernelarch]]\nname = 'x86'\n  [[kernelarch.debianarch]]\n  name = 'amd64'\n", 'c/amd64/defines.toml': "[[flavour]]\nname = 'cloud-amd64'\n[flavour.build]\nconfig = ['config.cloud']\n", 'c/config': 'CONFIG_A=y\n', 'c/amd64/config': 'CONFIG_A=y\n' }));
    expect(set.diagnostics.map((d) => d.message)).toEqual(['config.cloud is absent; the packaging fails without it ("config.cloud unavailable")']);
  });
});

describe('loadDebianConfig stays inside the tree', () => {
  it('refuses a configs: entry that climbs out of debian/config (FD157)', async () => {
    const host = memoryHost({
      'c/defines.toml': "[[kernelarch]]\nname = 'x86'\n  [[kernelarch.debianarch]]\n  name = 'amd64'\n",
      'c/amd64/defines.toml': "[[flavour]]\nname = 'cloud-amd64'\n[flavour.build]\nconfig = ['../../secret']\n",
      'c/config': 'CONFIG_A=y\n',
      secret: 'CONFIG_STOLEN=y\n',
    });
    await expect(loadDebianConfig('c', 'cloud-amd64', 'amd64', host)).rejects.toMatchObject({ diagnostic: { code: 'FD157' } });
  });
});
