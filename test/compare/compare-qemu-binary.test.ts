import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareQemuBinary } from '../../src/compare/compare-qemu-binary.js';
import { kataQemuReference } from '../../src/knowledge/kata-qemu-profile.js';
import { readQemuHelp } from '../../src/readers/qemu/read-qemu-help.js';
import { fixture } from '../helpers/corpus.js';

const texts = {
  device: readFileSync(fixture('qemu/device-help.txt'), 'utf8'),
  machine: readFileSync(fixture('qemu/machine-help.txt'), 'utf8'),
  object: readFileSync(fixture('qemu/object-help.txt'), 'utf8'),
};

describe('compareQemuBinary', () => {
  const kata = kataQemuReference('x86_64');
  const report = compareQemuBinary(kata, readQemuHelp(texts, 'qemu-system-x86_64'));

  it('reports each device, machine and object of the reference the help output lacks', () => {
    // The fixture lists pci-bridge, pcie-root-port, virtio-blk-pci, virtio-9p-pci and virtio-net-pci of Kata's list.
    const present = new Set(['pci-bridge', 'pcie-root-port', 'virtio-blk-pci', 'virtio-9p-pci', 'virtio-net-pci']);
    const devices = report.findings.filter((f) => f.code === 'FD239').map((f) => f.key);
    expect(devices.sort()).toEqual(kata.devices.map((d) => d.name).filter((n) => !present.has(n)).sort());
    expect(report.findings.filter((f) => f.code === 'FD240').map((f) => f.key)).toEqual(['q35']);
    expect(report.findings.filter((f) => f.code === 'FD241').map((f) => f.key).sort()).toEqual(['memory-backend-file', 'sev-snp-guest', 'tdx-guest']);
  });

  it('carries the error a Kata user sees and the configuration.toml setting for the ones users hit', () => {
    const byKey = new Map(report.findings.map((f) => [f.key, f]));
    expect(byKey.get('vhost-user-fs-pci')?.hint?.fix).toContain('shared_fs');
    expect(byKey.get('nvdimm')?.hint?.fix).toContain('disable_image_nvdimm = true');
    expect(byKey.get('q35')?.hint?.symptom).toContain('unsupported machine type');
    expect(byKey.get('vhost-vsock-pci')?.hint?.symptom).toContain('vhost-vsock-pci');
    expect(byKey.get('virtio-9p-pci')).toBeUndefined();
  });

  it('says the DAX cache-size property is not checked only where vhost-user-fs is present', () => {
    expect(report.diagnostics.map((d) => d.code)).toEqual([]);
    const withFs = readQemuHelp({ ...texts, device: `${texts.device}name "vhost-user-fs-pci", bus PCI\n` }, 'q');
    expect(compareQemuBinary(kata, withFs).diagnostics.map((d) => [d.code, d.line])).toEqual([['FD341', 11]]);
  });
});
