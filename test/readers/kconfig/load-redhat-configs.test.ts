// kernel-ark redhat/configs trees: the priority file, ORDER as the outer loop, one option per file.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { loadRedhatConfigs } from '../../../src/readers/kconfig/load-redhat-configs.js';
import { readPriorityFile } from '../../../src/readers/kconfig/read-priority-file.js';
import { REDHAT_CONFIGS, corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { tempDir } from '../../helpers/temp-dir.js';

const PRIORITY = [
  '# comment',
  'ORDER=common pending-common fedora custom-overrides',
  'EMPTY=s390x-zfcpdump',
  '',
  'x86_64=generic:generic-x86:generic-x86-x86_64',
  'x86_64-debug=generic:generic-x86:generic-x86-x86_64:debug',
  'aarch64=generic:generic-arm:generic-arm-aarch64',
].join('\n');

const TREE = {
  'rc/priority.fedora': PRIORITY,
  'rc/common/generic/CONFIG_A': 'CONFIG_A=m\n',
  'rc/common/generic/CONFIG_B': '# CONFIG_B is not set\n',
  'rc/common/generic/CONFIG_C': 'CONFIG_C=m\n',
  'rc/common/generic/x86/CONFIG_B': 'CONFIG_B=m\n',
  'rc/common/generic/x86/x86_64/CONFIG_C': 'CONFIG_C=y\n',
  'rc/common/generic/x86/x86_64/CONFIG_C~': 'CONFIG_C=n\n', // an editor backup, skipped
  'rc/common/generic/arm/aarch64/CONFIG_D': 'CONFIG_D=y\n',
  'rc/common/debug/CONFIG_A': '# Symbol: A\nCONFIG_A=y\n',
  'rc/fedora/generic/CONFIG_C': 'CONFIG_C=m\n', // any fedora/ layer beats every common/ layer
  'rc/fedora/generic/CONFIG_E': 'CONFIG_F=y\n', // named after another option
};

describe('readPriorityFile', () => {
  it('reads ORDER, EMPTY and the variants with their layers, lowest priority first', () => {
    const p = readPriorityFile(PRIORITY, 'priority.fedora');
    expect(p.order).toEqual(['common', 'pending-common', 'fedora', 'custom-overrides']);
    expect(p.empty).toEqual(['s390x-zfcpdump']);
    expect(p.variants.get('x86_64-debug')).toEqual({ layers: ['generic', 'generic-x86', 'generic-x86-x86_64', 'debug'], line: 6 });
    expect(p.diagnostics).toEqual([]);
  });
});

describe('loadRedhatConfigs on a tree written for the test', () => {
  const host = memoryHost(TREE);
  const values = async (variant: string) => Object.fromEntries([...(await loadRedhatConfigs('rc', variant, host)).settings.values()].map((s) => [s.key, s.value]));

  it.each([
    // variant, settings
    ['x86_64', { CONFIG_A: 'm', CONFIG_B: 'm', CONFIG_C: 'm', CONFIG_F: 'y' }],
    ['x86_64-debug-fedora', { CONFIG_A: 'y', CONFIG_B: 'm', CONFIG_C: 'm', CONFIG_F: 'y' }],
    ['aarch64', { CONFIG_A: 'm', CONFIG_B: 'n', CONFIG_C: 'm', CONFIG_D: 'y', CONFIG_F: 'y' }],
  ])('%s merges to %j', async (variant, expected) => {
    expect(await values(variant)).toEqual(expected);
  });

  it('is partial, with the arch build_configs.sh writes on line 1, and keeps every writer', async () => {
    const set = await loadRedhatConfigs('rc', 'aarch64', host);
    expect(set.meta).toMatchObject({ shape: 'partial', declaredArch: 'arm64', arch: 'aarch64', variant: 'aarch64-fedora' });
    const c = set.settings.get('CONFIG_C')!;
    expect([c.origin.file, ...(c.writers ?? []).map((w) => w.origin.file)]).toEqual(['rc/fedora/generic/CONFIG_C', 'rc/common/generic/CONFIG_C']);
  });

  it('reports an option file named after another option, and absent baseline layers', async () => {
    const set = await loadRedhatConfigs('rc', 'x86_64', host);
    expect(set.diagnostics.map((d) => [d.code, d.file])).toEqual([['FD152', 'rc/fedora/generic/CONFIG_E']]);
    const bare = await loadRedhatConfigs('rc', 'x86_64', memoryHost({ 'rc/priority.fedora': PRIORITY, 'rc/fedora/generic/CONFIG_A': 'CONFIG_A=y\n' }));
    expect(bare.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['FD151', 'layer common/generic of x86_64 is absent; build_configs.sh fails without it'],
      ['FD151', 'layer common/generic/x86 of x86_64 is absent; build_configs.sh fails without it'],
      ['FD151', 'layer common/generic/x86/x86_64 of x86_64 is absent; build_configs.sh fails without it'],
    ]);
  });

  it.each([
    // variant, message
    ['s390x-zfcpdump', 's390x-zfcpdump is listed in EMPTY= of priority.fedora'],
    ['ppc64le', 'no variant ppc64le in priority.fedora'],
  ])('refuses %s', async (variant, message) => {
    await expect(loadRedhatConfigs('rc', variant, host)).rejects.toThrow(message);
  });
});

describe('loadRedhatConfigs on the corpus priority and option files', () => {
  const root = corpus(REDHAT_CONFIGS);

  it.each([
    // variant, flavour chosen
    ['x86_64', 'x86_64-fedora'],
    ['x86_64-rhel', 'x86_64-rhel'],
    ['x86_64-debug-fedora', 'x86_64-debug-fedora'],
  ])('%s reads as %s', async (variant, named) => {
    const set = await loadRedhatConfigs(root, variant, nodeHost());
    expect(set.meta.variant).toBe(named);
  });

  it('takes each fedora/generic option file as written', async () => {
    const set = await loadRedhatConfigs(root, 'x86_64', nodeHost());
    // The corpus holds two option files; their value lines, read here with a plain regex.
    const expected = ['CONFIG_9P_FS', 'CONFIG_AMT'].map((name) => {
      const text = readFileSync(join(root, 'fedora/generic', name), 'utf8');
      const line = text.split('\n').findIndex((l) => l.startsWith('CONFIG_'));
      return [name, text.split('\n')[line]!.split('=')[1], line + 1];
    });
    expect([...set.settings.values()].map((s) => [s.key, s.value, s.origin.line])).toEqual(expected);
    // The corpus has no common/ tree, which build_configs.sh needs: said, not hidden.
    expect(set.diagnostics.filter((d) => d.code === 'FD151')).toHaveLength(3);
  });
});

describe('loadRedhatConfigs stays inside the tree', () => {
  it('refuses an option file that is a link to a file outside it (FD157)', async () => {
    const dir = tempDir('flagdiff-redhat-');
    mkdirSync(join(dir, 'rc', 'common', 'generic'), { recursive: true });
    writeFileSync(join(dir, 'rc', 'priority.fedora'), PRIORITY);
    writeFileSync(join(dir, 'secret'), 'CONFIG_STOLEN=y\n');
    symlinkSync(join(dir, 'secret'), join(dir, 'rc', 'common', 'generic', 'CONFIG_STOLEN'));
    const error = await loadRedhatConfigs(join(dir, 'rc'), 'x86_64', nodeHost()).catch((e: unknown) => e);
    expect(error).toMatchObject({ diagnostic: { code: 'FD157', file: join(dir, 'rc', 'common', 'generic', 'CONFIG_STOLEN') } });
  });
});
