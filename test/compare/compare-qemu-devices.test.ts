import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.js';
import { compareQemu } from '../../src/compare/compare-qemu.js';
import { kataQemuReference } from '../../src/knowledge/kata-qemu-profile.js';
import type { DeviceOverlay } from '../../src/model/build.js';
import { profileFromConfig } from '../../src/model/profile-from-config.js';
import type { Report } from '../../src/model/report.js';
import { loadDeviceConfig, loadDeviceSettings } from '../../src/readers/qemu/load-device-config.js';
import { loadQemuTree } from '../../src/readers/qemu/load-qemu-tree.js';
import type { QemuTree } from '../../src/readers/qemu/load-qemu-tree.js';
import { normalizeBuild } from '../../src/readers/qemu/normalize-build.js';
import { readFlags } from '../../src/readers/qemu/read-flags.js';
import { selectDevices } from '../../src/readers/qemu/select-devices.js';
import { corpus } from '../helpers/corpus.js';
import { memoryHost } from '../helpers/memory-host.js';
import { qemu100, qemu100Missing } from '../helpers/minikconf.js';

/** A build that leaves nothing to the build machine: every feature off unless enabled here. */
const BASE = '--target-list=x86_64-softmmu --without-default-features --enable-kvm --enable-vhost-kernel --enable-vhost-user';

async function compare(flags: string, devices: Record<string, string>, wants: string, tree?: QemuTree): Promise<Report> {
  const files = { ...devices, 'ref.mak': wants };
  const host = tree ? nodeHostWith(files) : memoryHost(files);
  const kata = kataQemuReference('x86_64');
  const reference = { ...kata, deviceSymbols: profileFromConfig(await loadDeviceSettings(['ref.mak'], host), { name: 'ref' }) };
  const build = readFlags(flags, 'flags');
  const overlays: DeviceOverlay[] = Object.keys(devices).map((file) => ({ target: 'i386-softmmu', name: 'default', mode: 'append', file }));
  const config = await loadDeviceConfig(selectDevices(normalizeBuild(build), 'x86_64'), overlays, host, tree);
  return compareQemu(reference, { build, devices: config, ...(tree ? { tree } : {}), version: tree?.version ?? '10.0.0' });
}

/** The disk for the tree, memory for the test's own files. */
function nodeHostWith(files: Readonly<Record<string, string>>) {
  const disk = nodeHost();
  const memory = memoryHost(files);
  const mine = (path: string) => path in files;
  return {
    kind: (path: string) => (mine(path) ? memory.kind(path) : disk.kind(path)),
    readFile: (path: string, max: number) => (mine(path) ? memory.readFile(path, max) : disk.readFile(path, max)),
    list: (dir: string) => disk.list(dir),
  };
}

const devices = (report: Report) => report.findings.filter((f) => f.category === 'device').map((f) => [f.code, f.kind, f.key, f.have]);

describe('device findings without a QEMU tree: the declared lines', () => {
  // [device file of the candidate, the reference's, extra options, expected [code, kind, key, have]]
  it.each([
    ['CONFIG_VIRTIO_BLK=y\n', 'CONFIG_VIRTIO_BLK=y\n', '', []],
    ['CONFIG_VIRTIO_BLK=n\n', 'CONFIG_VIRTIO_BLK=y\n', '', [['FD242', 'disabled', 'CONFIG_VIRTIO_BLK', 'n']]],
    ['CONFIG_VIRTIO_NET=y\n', 'CONFIG_VIRTIO_BLK=y\n', '', [['FD247', 'unknown', 'CONFIG_VIRTIO_BLK', null]]],
    ['CONFIG_USB=y\n', 'CONFIG_USB=n\n', '', [['FD246', 'extra', 'CONFIG_USB', 'y']]],
    // the cross-layer errors QEMU's Kconfig makes (qemu-sources.md §3 rule 13)
    ['CONFIG_VHOST_USER_FS=y\n', '', '--disable-vhost-user', [['FD245', 'conflict', 'CONFIG_VHOST_USER_FS', 'contradiction']]],
    ['CONFIG_VHOST_USER_FS=y\n', '', '', []],
    ['CONFIG_VIRTIO_9P=y\n', '', '--disable-virtfs', [['FD245', 'conflict', 'CONFIG_VIRTIO_9P', 'contradiction']]],
    ['CONFIG_VIRTIO_9P=y\n', '', '--enable-virtfs', []],
  ])('%j against %j with %j', async (candidate, wants, extra, expected) => {
    expect(devices(await compare(`${BASE} ${extra}`, { 'mine.mak': candidate }, wants))).toEqual(expected);
  });

  it('makes a device file QEMU stops on one finding, at its line, beside the diagnostics', async () => {
    const report = await compare(BASE, { 'mine.mak': 'CONFIG_A=y\nCONFIG_B=yes\nCONFIG_A=n\n' }, '');
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual(expect.arrayContaining([['FD177', 2]]));
    expect(report.findings.filter((f) => f.code === 'FD248').map((f) => [f.kind, f.key, f.reference])).toEqual([['conflict', 'x86_64-softmmu devices', { file: 'mine.mak', line: 2 }]]);
  });

  it('carries the consequence and names the option that turns the feature off', async () => {
    const report = await compare(`${BASE}\n--disable-vhost-user`, { 'mine.mak': 'CONFIG_VHOST_USER_FS=y\n' }, '');
    const conflict = report.findings.find((f) => f.code === 'FD245')!;
    expect(conflict.explanation).toContain('--disable-vhost-user');
    expect(conflict.hint?.symptom).toContain("'vhost-user-fs-pci' is not a valid device model name");
    expect(report.summary.error).toBeGreaterThan(0);
  });
});

describe('Fedora\'s 2020 qemu-mini device file against Kata 1.x\'s, without a tree', () => {
  it('reports each of Kata\'s lines the mini file contradicts or leaves out, and nothing else', async () => {
    const [mini, kata] = ['qemu/devices/fedora-mini-2020-i386-softmmu.mak', 'qemu/devices/kata-1.x-i386-softmmu.mak'].map((f) => readFileSync(corpus(f), 'utf8'));
    const report = await compare('--target-list=x86_64-softmmu', { 'mini.mak': mini! }, kata!);
    // Expected, from the two files' CONFIG_X=v lines alone: same value → satisfied; other value →
    // disabled (Kata wants y) or extra (Kata wants n); not in the mini file → unknown.
    const lines = (text: string) => new Map([...text.matchAll(/^CONFIG_(\w+)=([yn])$/gm)].map((m) => [`CONFIG_${m[1]}`, m[2]!]));
    const [have, want] = [lines(mini!), lines(kata!)];
    const expected = [...want].flatMap(([key, value]) => {
      const found = have.get(key);
      if (found === value) return [];
      if (found === undefined) return [['FD247', key]];
      return [[value === 'y' ? 'FD242' : 'FD246', key]];
    });
    expect(devices(report).filter(([, kind]) => kind !== 'conflict').map(([code, , key]) => [code, key]).sort()).toEqual(expected.sort());
    expect(expected.filter(([code]) => code !== 'FD247').length).toBeGreaterThan(0);
    // The mini file sets CONFIG_VIRTIO_9P=y and this build leaves virtfs auto: it stops where libattr is missing.
    expect(report.findings.filter((f) => f.kind === 'conflict').map((f) => [f.code, f.key, f.severity])).toEqual([['FD245', 'CONFIG_VIRTIO_9P', 'warning']]);
  });
});

describe.skipIf(!qemu100)(`device findings after the Kconfig closure of QEMU 10.0${qemu100 ? '' : ` (skipped: ${qemu100Missing})`}`, () => {
  const tree = () => loadQemuTree(qemu100!, nodeHost());

  it('reports q35 gone from a build with --without-default-devices that does not list it (kata-containers#10708)', async () => {
    const report = await compare(`${BASE} --without-default-devices`, {}, 'CONFIG_Q35=y\n', await tree());
    expect(devices(report)).toEqual([['FD239', 'missing', 'CONFIG_Q35', 'n']]);
    const q35 = report.findings.find((f) => f.code === 'FD239')!;
    expect(q35.explanation).toMatch(/default y \(hw\/i386\/Kconfig:\d+\) does not apply under --without-default-devices/);
    expect(q35.hint?.symptom).toContain('unsupported machine type');
    // ... and the negative twin: listing it keeps it.
    expect(devices(await compare(`${BASE} --without-default-devices`, { 'mine.mak': 'CONFIG_Q35=y\n' }, 'CONFIG_Q35=y\n', await tree()))).toEqual([]);
  });

  // [options, device file, expected [code, kind, key, have]]: the reference needs CONFIG_VIRTIO_9P
  it.each([
    ['--enable-virtfs', '', []],
    ['--disable-virtfs', '', [['FD243', 'missing', 'CONFIG_VIRTIO_9P', 'n']]],
    // set on against its off feature: minikconf stops; the conflict is the one finding
    ['--disable-virtfs', 'CONFIG_VIRTIO_9P=y\n', [['FD245', 'conflict', 'CONFIG_VIRTIO_9P', 'contradiction']]],
    ['--enable-virtfs', 'CONFIG_VIRTIO_9P=n\n', [['FD242', 'disabled', 'CONFIG_VIRTIO_9P', 'n']]],
  ] as const)('virtio-9p with %s and %j', async (options, file, expected) => {
    const report = await compare(`${BASE} ${options}`, file ? { 'mine.mak': file } : {}, 'CONFIG_VIRTIO_9P=y\n', await tree());
    expect(devices(report)).toEqual(expected);
  });

  it('says virtio-9p may not be built where the build machine decides virtfs', async () => {
    const report = await compare('--target-list=x86_64-softmmu --enable-kvm', {}, 'CONFIG_VIRTIO_9P=y\n', await tree());
    expect(devices(report)).toEqual([['FD244', 'auto', 'CONFIG_VIRTIO_9P', 'unknown']]);
    expect(report.findings.find((f) => f.code === 'FD244')!.explanation).toContain('libattr and libcap-ng');
  });

  it('traces a device turned off by a feature to the option, through its Kconfig dependency', async () => {
    const report = await compare(`${BASE}\n--disable-virtfs`, {}, 'CONFIG_VIRTIO_9P=y\n', await tree());
    const gap = report.findings.find((f) => f.code === 'FD243')!;
    expect(gap.candidate).toMatchObject({ file: 'flags', line: 2 });
    expect(gap.explanation).toMatch(/depends on VIRTFS && VIRTIO \(hw\/9pfs\/Kconfig:\d+\), and CONFIG_VIRTFS is off: --disable-virtfs/);
  });

  it('reports what the reference turns off and the candidate builds, with what selects it', async () => {
    const report = await compare(`${BASE} --without-default-devices`, { 'mine.mak': 'CONFIG_USB_XHCI=y\n' }, 'CONFIG_USB=n\n', await tree());
    expect(devices(report)).toEqual([['FD246', 'extra', 'CONFIG_USB', 'y']]);
    expect(report.findings.find((f) => f.code === 'FD246')!.explanation).toMatch(/^selected by USB_XHCI \(hw\/usb\/Kconfig:\d+\)/);
  });

  it('stops on a symbol the tree does not declare, with the file and line', async () => {
    const report = await compare(BASE, { 'mine.mak': 'CONFIG_NO_SUCH_DEVICE=y\n' }, '', await tree());
    expect(report.diagnostics.filter((d) => d.code === 'FD182').map((d) => [d.file, d.line])).toEqual([['mine.mak', 1]]);
    expect(devices(report)).toEqual([['FD248', 'conflict', 'x86_64-softmmu devices', 'stops']]);
  });

});
