import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kataQemuArches, kataQemuReference } from '../../src/knowledge/kata-qemu-reference.js';
import { corpus } from '../helpers/corpus.js';

describe('the built-in Kata QEMU reference', () => {
  it.each(kataQemuArches())('%s: every option of the -d dump, in order, located in the script', (arch) => {
    const dump = readFileSync(corpus(`qemu/kata-flags/kata-qemu-11.0.1-static-${arch}.dump`), 'utf8');
    // Expected: the dump's option column, quotes removed as xargs removes them.
    const options = dump.split('\n').filter((l) => /^[a-z,]+\t/.test(l)).map((l) => l.split('\t').at(-1)!.replace(/"/g, ''));
    const reference = kataQemuReference(arch);
    expect(reference.build.argv.map((a) => a.text)).toEqual(options);
    expect(reference.build.argv.every((a) => a.origin.line > 0 && a.tags!.length > 0)).toBe(true);
  });

  it('holds the devices, objects and machine of build-qemu.sh and the runtime for x86_64', () => {
    const x86 = kataQemuReference('x86_64');
    expect(x86.machines.map((m) => m.name)).toEqual(['q35']);
    expect(x86.devices.map((d) => d.name)).toEqual(expect.arrayContaining(['virtio-9p-pci', 'vhost-user-fs-pci', 'vhost-vsock-pci', 'nvdimm', 'pvpanic']));
    expect(x86.objects.map((o) => o.name)).toEqual(['tdx-guest', 'sev-snp-guest', 'memory-backend-file']);
    expect(kataQemuReference('s390x').devices.map((d) => d.name)).toContain('vhost-user-fs-ccw');
  });

  it('refuses an arch it has no build for', () => {
    expect(() => kataQemuReference('riscv64')).toThrow(RangeError);
  });
});
