import { describe, expect, it } from 'vitest';
import { loadDeviceConfig, loadDeviceSettings } from '../../../src/readers/qemu/load-device-config.js';
import type { QemuTree } from '../../../src/readers/qemu/load-qemu-tree.js';
import type { DeviceSelection } from '../../../src/readers/qemu/select-devices.js';
import { memoryHost } from '../../helpers/memory-host.js';

const selection = (name = 'default'): DeviceSelection => ({ target: 'x86_64-softmmu', name, mode: 'allnoconfig', built: true, nameOrigin: { file: 'flags', line: 7 } });
const tree = { root: 'q', layout: 'configs/devices', kconfig: { clauses: [], declarations: [], references: [], files: [], diagnostics: [], failed: false }, targets: new Map() } as QemuTree;
const FILES = {
  'q/configs/devices/x86_64-softmmu/default.mak': 'include ../i386-softmmu/default.mak\n',
  'q/configs/devices/i386-softmmu/default.mak': 'CONFIG_Q35=y\nCONFIG_ISAPC=y\n',
  'recipe/microvm.mak': 'CONFIG_MICROVM=y\nCONFIG_VIRTIO_BLK=y\n',
  'recipe/extra.mak': 'CONFIG_ISAPC=n\nCONFIG_VIRTIO_BLK=y\n',
};
const settings = (config: { settings: { settings: ReadonlyMap<string, { value: string }> } }) => Object.fromEntries([...config.settings.settings].map(([k, s]) => [k, s.value]));

describe('loadDeviceConfig', () => {
  it('reads the tree\'s device file for the target, with what it includes', async () => {
    const config = await loadDeviceConfig(selection(), [], memoryHost(FILES), tree);
    expect(settings(config)).toEqual({ CONFIG_Q35: 'y', CONFIG_ISAPC: 'y' });
    expect(config.settings.diagnostics).toEqual([]);
  });

  it('reads a recipe\'s file for --with-devices-x86_64=microvm in place of the tree\'s', async () => {
    const config = await loadDeviceConfig(selection('microvm'), [{ target: 'x86_64-softmmu', name: 'microvm', mode: 'replace', file: 'recipe/microvm.mak' }], memoryHost(FILES), tree);
    expect(settings(config)).toEqual({ CONFIG_MICROVM: 'y', CONFIG_VIRTIO_BLK: 'y' });
  });

  it.each([
    // with a tree, without one
    ['with the tree', tree],
    ['without a tree', undefined],
  ])('%s: lines a script appends itself keep the script line that writes each, several on one line included', async (_, withTree) => {
    const written = [
      { text: 'CONFIG_VIRTIO_BLK=y', origin: { file: 'build.sh', line: 40 } },
      { text: 'CONFIG_Q35=y', origin: { file: 'build.sh', line: 52 } },
      { text: 'CONFIG_CXL=y', origin: { file: 'build.sh', line: 52 } },
    ];
    const overlay = { target: 'i386-softmmu', name: 'default', mode: 'append' as const, file: 'build.sh', written };
    const config = await loadDeviceConfig(selection(), [overlay], memoryHost(FILES), withTree);
    const origins = Object.fromEntries(written.map((w) => [w.text.slice(0, -2), config.settings.settings.get(w.text.slice(0, -2))?.origin]));
    expect(origins).toEqual(Object.fromEntries(written.map((w) => [w.text.slice(0, -2), w.origin])));
  });

  it('says configure stops when --with-devices names a file the tree lacks', async () => {
    const config = await loadDeviceConfig(selection('microvm'), [], memoryHost(FILES), tree);
    expect(config.settings.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['FD183', 'flags', 7]]);
    expect(config.program.failed).toBe(true);
  });

  it('reports a symbol set both ways, as minikconf\'s contradiction, where the recipe appends to a tree file', async () => {
    const config = await loadDeviceConfig(selection(), [{ target: 'i386-softmmu', name: 'default', mode: 'append', file: 'recipe/extra.mak' }], memoryHost(FILES), tree);
    expect(config.settings.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['FD181', 'recipe/extra.mak', 1]]);
    expect(config.settings.settings.get('CONFIG_ISAPC')).toMatchObject({ value: 'n', writers: [{ value: 'y', origin: { line: 2 } }] });
  });

  it('reads only the recipe\'s file without a tree', async () => {
    const config = await loadDeviceConfig(selection('microvm'), [{ target: 'x86_64-softmmu', name: 'microvm', mode: 'replace', file: 'recipe/microvm.mak' }], memoryHost(FILES));
    expect(settings(config)).toEqual({ CONFIG_MICROVM: 'y', CONFIG_VIRTIO_BLK: 'y' });
    expect(settings(await loadDeviceConfig(selection(), [], memoryHost(FILES)))).toEqual({});
  });

  it('merges files given on their own, in order', async () => {
    const set = await loadDeviceSettings(['recipe/microvm.mak', 'recipe/extra.mak'], memoryHost(FILES));
    expect(settings({ settings: set })).toEqual({ CONFIG_MICROVM: 'y', CONFIG_VIRTIO_BLK: 'y', CONFIG_ISAPC: 'n' });
  });
});
