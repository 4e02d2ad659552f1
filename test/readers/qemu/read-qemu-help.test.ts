import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { readQemuHelp } from '../../../src/readers/qemu/read-qemu-help.js';
import { fixture } from '../../helpers/corpus.js';

const texts = {
  device: readFileSync(fixture('qemu/device-help.txt'), 'utf8'),
  machine: readFileSync(fixture('qemu/machine-help.txt'), 'utf8'),
  object: readFileSync(fixture('qemu/object-help.txt'), 'utf8'),
};

describe('readQemuHelp', () => {
  const help = readQemuHelp(texts, 'qemu-system-x86_64');

  it('reads device names and aliases with the line naming them', () => {
    expect([...help.devices.keys()].sort()).toEqual(
      ['pci-bridge', 'pcie-root-port', 'virtio-9p', 'virtio-9p-pci', 'virtio-blk', 'virtio-blk-pci', 'virtio-net', 'virtio-net-pci'],
    );
    expect(help.devices.get('virtio-9p')).toEqual({ file: 'qemu-system-x86_64 -device help', line: 7 });
  });

  it('reads machines, objects, and the version of the newest versioned machine type', () => {
    expect([...help.machines.keys()]).toEqual(['microvm', 'pc', 'pc-i440fx-8.2', 'pc-i440fx-8.1', 'none']);
    expect(help.machines.has('q35')).toBe(false);
    expect([...help.objects.keys()]).toEqual(['memory-backend-memfd', 'memory-backend-ram', 'rng-random']);
    expect(help.version).toBe('8.2');
  });

  // [which output is replaced, by what]: anything that is not QEMU's help is refused with FD173
  it.each([
    ['device', 'qemu-system-x86_64: -device help: invalid option'],
    ['machine', 'Usage: foo'],
    ['object', '\u0000\u0001binary'],
  ] as const)('refuses %s output %j', (which, text) => {
    expect(() => readQemuHelp({ ...texts, [which]: text }, 'qemu')).toThrow(InputError);
    try {
      readQemuHelp({ ...texts, [which]: text }, 'qemu');
    } catch (error) {
      expect((error as InputError).diagnostic.code).toBe('FD173');
    }
  });
});
