import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../../src/cli/node-host.js';
import { InputError } from '../../../src/model/diagnostic.js';
import { deviceFilePath, loadQemuTree } from '../../../src/readers/qemu/load-qemu-tree.js';
import { readKconfigInputs } from '../../../src/readers/qemu/read-kconfig-inputs.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { qemu100, qemu100Missing, qemu72, qemu72Missing } from '../../helpers/minikconf.js';

describe.each([
  ['7.2', qemu72, qemu72Missing],
  ['10.0', qemu100, qemu100Missing],
])('loadQemuTree on Debian\'s QEMU %s', (series, dir, missing) => {
  it.skipIf(!dir)(`reads every Kconfig file Kconfig sources, the targets and what meson passes${dir ? '' : ` (skipped: ${missing})`}`, async () => {
    const tree = await loadQemuTree(dir!, nodeHost());
    expect(tree.version?.startsWith(series)).toBe(true);
    expect(tree.layout).toBe('configs/devices');
    expect(tree.kconfig.diagnostics).toEqual([]);
    // Expected: every `config X` line (grep) of the files read; 7.2 has one Kconfig file nothing sources (hw/cpu/Kconfig).
    expect(tree.kconfig.files.length).toBeGreaterThan(90);
    const grep = execFileSync('grep', ['-hoE', '^config [A-Za-z0-9_]+', ...tree.kconfig.files], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tree.kconfig.declarations.map((d) => `config ${d.name}`).sort()).toEqual(grep.sort());
    expect(tree.targets.get('x86_64-softmmu')).toMatchObject({ arch: 'x86_64', bigEndian: false });
    expect(tree.targets.get('s390x-softmmu')).toMatchObject({ arch: 's390x', bigEndian: true });
    // Expected: the CONFIG_ literals of meson.build's host_kconfig block.
    const meson = readFileSync(join(dir!, 'meson.build'), 'utf8');
    const block = meson.slice(meson.indexOf('host_kconfig = '), meson.indexOf('\n\n', meson.indexOf('host_kconfig = ')));
    expect(tree.inputs?.host).toEqual([...block.matchAll(/'CONFIG_(\w+)=y'/g)].map((m) => m[1]));
    expect(tree.inputs?.accelerators).toEqual(expect.arrayContaining(['KVM', 'TCG', 'XEN']));
    expect(tree.inputs?.bigEndian).toBe(series === '10.0');
  });
});

describe('loadQemuTree', () => {
  it('knows the device file layouts of QEMU 5.2 and 6.0 onwards', () => {
    expect(deviceFilePath({ root: 'q', layout: 'configs/devices' }, 'x86_64-softmmu', 'microvm')).toBe('q/configs/devices/x86_64-softmmu/microvm.mak');
    expect(deviceFilePath({ root: 'q', layout: 'default-configs/devices' }, 'x86_64-softmmu')).toBe('q/default-configs/devices/x86_64-softmmu.mak');
  });

  // [files, why]: the negative twins: a directory that is not a QEMU tree
  it.each([
    [{ 'q/README': 'x' }, 'no Kconfig file'],
    [{ 'q/Kconfig': 'source hw/Kconfig\n' }, 'neither configs/devices nor default-configs'],
  ])('refuses %j (%s)', async (files, why) => {
    await expect(loadQemuTree('q', memoryHost(files))).rejects.toThrow(InputError);
    await expect(loadQemuTree('q', memoryHost(files))).rejects.toThrow(why);
  });
});

describe('readKconfigInputs', () => {
  it('reads QEMU 5.2\'s list of external symbols', () => {
    const inputs = readKconfigInputs("x = 1\nkconfig_external_symbols = [\n  'CONFIG_KVM',\n  'CONFIG_VIRTFS',\n]\naccelerators += 'CONFIG_TCG'\n", 'meson.build');
    expect(inputs).toMatchObject({ host: ['KVM', 'VIRTFS'], accelerators: [], targetArch: false, origin: { line: 2 } });
  });

  it('reads the host_kconfig sum of 6.x and later, and the accelerators', () => {
    const text = "accelerators += 'CONFIG_KVM'\nhost_kconfig = \\\n  (a ? ['CONFIG_TPM=y'] : []) + \\\n  (b ? ['CONFIG_LINUX=y'] : [])\n\nx = ['CONFIG_NOT_HOST=y']\n" +
      "  command: [minikconf, 'CONFIG_' + config_target['TARGET_ARCH'].to_upper() + '=y']\n";
    expect(readKconfigInputs(text, 'meson.build')).toMatchObject({ host: ['TPM', 'LINUX'], accelerators: ['KVM'], targetArch: true, bigEndian: false });
  });

  it('says nothing of a meson.build without either form', () => {
    expect(readKconfigInputs("project('x')\n", 'meson.build')).toBeUndefined();
  });
});
