// The device closure of real builds on real QEMU trees (Debian's 7.2 and 10.0 source packages),
// checked against the tree's own scripts/minikconf.py run with the same device files, the tree's
// Kconfig and the symbols meson would pass; where the build machine decides a symbol, against
// minikconf.py in every world (a known value must hold in all, differing worlds must give unknown).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.js';
import { effectiveDevices } from '../../src/compare/effective-devices.js';
import type { DeviceClosure } from '../../src/compare/effective-devices.js';
import { effectiveQemu } from '../../src/compare/effective-qemu.js';
import { kataQemuReference } from '../../src/knowledge/kata-qemu-profile.js';
import type { Build, DeviceOverlay } from '../../src/model/build.js';
import { loadDeviceConfig } from '../../src/readers/qemu/load-device-config.js';
import { deviceFilePath, loadQemuTree } from '../../src/readers/qemu/load-qemu-tree.js';
import type { QemuTree } from '../../src/readers/qemu/load-qemu-tree.js';
import { normalizeBuild } from '../../src/readers/qemu/normalize-build.js';
import { readFlags } from '../../src/readers/qemu/read-flags.js';
import { selectDevices } from '../../src/readers/qemu/select-devices.js';
import { corpus, fixture } from '../helpers/corpus.js';
import { qemu100, qemu100Missing, qemu72, qemu72Missing, runMinikconf } from '../helpers/minikconf.js';
import { tempDir } from '../helpers/temp-dir.js';

const host = nodeHost();
const trees = new Map<string, Promise<QemuTree>>();
const treeOf = (dir: string) => trees.get(dir) ?? trees.set(dir, loadQemuTree(dir, host)).get(dir)!;

async function closureOf(dir: string, arch: string, build: Build, overlays: readonly DeviceOverlay[]): Promise<DeviceClosure> {
  const tree = await treeOf(dir);
  const config = normalizeBuild(build);
  const devices = await loadDeviceConfig(selectDevices(config, arch), overlays, host, tree);
  return effectiveDevices(tree, devices, effectiveQemu(config, tree.version!), arch);
}

/** The tree's device files with the overlays applied, where minikconf.py can read them. */
function materialize(tree: QemuTree, overlays: readonly DeviceOverlay[]): string {
  const root = tempDir('flagdiff-devices-');
  cpSync(join(tree.root, tree.layout), join(root, tree.layout), { recursive: true });
  for (const o of overlays) {
    const path = deviceFilePath({ root, layout: tree.layout }, o.target, o.name);
    const text = readFileSync(o.file, 'utf8');
    writeFileSync(path, o.mode === 'append' ? `${readFileSync(path, 'utf8')}\n${text}` : text);
  }
  return root;
}

function oracleWorlds(tree: QemuTree, closure: DeviceClosure, overlays: readonly DeviceOverlay[], name: string) {
  const deviceFile = deviceFilePath({ root: materialize(tree, overlays), layout: tree.layout }, closure.target, name);
  const known = [...closure.externals].filter(([, v]) => v.value !== 'unknown');
  const args = known.filter(([s, v]) => v.value === 'y' || s === 'TARGET_BIG_ENDIAN').map(([s, v]) => `CONFIG_${s}=${v.value}`);
  const unknown = [...closure.externals].filter(([, v]) => v.value === 'unknown').map(([s]) => s);
  const subsets = unknown.reduce<string[][]>((all, s) => [...all, ...all.map((set) => [...set, s])], [[]]);
  return subsets.map((set) => runMinikconf(closure.mode, [deviceFile, join(tree.root, 'Kconfig'), ...args, ...set.map((s) => `CONFIG_${s}=y`)], join(tree.root, 'scripts/minikconf.py')));
}

const kata = (arch: string) => kataQemuReference(arch).build;
const flags = (file: string) => readFlags(readFileSync(fixture(file), 'utf8'), file);
const append = (target: string, file: string): DeviceOverlay => ({ target, name: 'default', mode: 'append', file });
const KATA_LIKE = fixture('qemu/kata-like-x86_64.mak');
const MICROVM = { target: 'x86_64-softmmu', name: 'microvm', mode: 'replace', file: corpus('qemu/devices/debian-7.2-microvm-devices.mak') } as const;
const MINI = { target: 'i386-softmmu', name: 'default', mode: 'replace', file: corpus('qemu/devices/fedora-mini-2020-i386-softmmu.mak') } as const;

// [tree, arch, build, device files the recipe adds, whether minikconf stops]
const ROWS: ReadonlyArray<readonly [string, string, () => Build, readonly DeviceOverlay[], boolean]> = [
  ['7.2', 'x86_64', () => kata('x86_64'), [], false],
  ['7.2', 'x86_64', () => flags('qemu/microvm.flags'), [MICROVM], false],
  ['7.2', 'x86_64', () => flags('qemu/mini-2020.flags'), [MINI], false],
  ['7.2', 'x86_64', () => flags('qemu/x86-defaults.flags'), [], false],
  // PCI_BRIDGE is not a symbol of QEMU 7.2: minikconf stops on it
  ['7.2', 'x86_64', () => kata('x86_64'), [append('i386-softmmu', KATA_LIKE)], true],
  ['10.0', 'x86_64', () => kata('x86_64'), [], false],
  ['10.0', 'x86_64', () => kata('x86_64'), [append('i386-softmmu', KATA_LIKE)], false],
  ['10.0', 'x86_64', () => flags('qemu/x86-defaults.flags'), [], false],
  ['10.0', 'aarch64', () => kata('aarch64'), [], false],
  ['10.0', 's390x', () => kata('s390x'), [], false],
  ['10.0', 'ppc64le', () => kata('ppc64le'), [], false],
];

const dirs: Readonly<Record<string, string | undefined>> = { '7.2': qemu72, '10.0': qemu100 };

describe.skipIf(!qemu72 || !qemu100)(`the device closure against minikconf.py${qemu72 && qemu100 ? '' : ` (skipped: ${qemu72Missing}; ${qemu100Missing})`}`, () => {
  it.each(ROWS)('QEMU %s %s: %s', async (series, arch, build, overlays, stops) => {
    const dir = dirs[series]!;
    const tree = await treeOf(dir);
    const closure = await closureOf(dir, arch, build(), overlays);
    const worlds = oracleWorlds(tree, closure, overlays, selectDevices(normalizeBuild(build()), arch).name);
    const ourStop = closure.evaluation.undefined.length > 0 || closure.evaluation.contradictions.some((c) => c.certain);
    expect([ourStop, worlds.map((w) => w.ok)]).toEqual([stops, worlds.map(() => !stops)]);
    if (stops) return;
    let known = 0;
    for (const [name, state] of closure.evaluation.values) {
      if (closure.externals.has(name)) continue; // minikconf.py does not print what it was given
      const values = new Set(worlds.map((w) => (w.symbols.includes(name) ? 'y' : 'n')));
      if (values.size > 1) expect([name, state.value]).toEqual([name, 'unknown']);
      else if (state.value !== 'unknown') expect([name, state.value]).toEqual([name, [...values][0]]);
      if (state.value !== 'unknown') known++;
    }
    // Every symbol is known when the build leaves nothing to the build machine.
    if (worlds.length === 1) expect(known).toBe(closure.evaluation.values.size - closure.externals.size);
  });
});
