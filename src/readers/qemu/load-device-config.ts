/**
 * A build's device files for one target: the tree's `default.mak` (or the file
 * `--with-devices-ARCH=NAME` picks) with what it includes, after the recipe's overlays, or, without
 * a tree, the recipe's own files. Its assignments are also kept as settings (`CONFIG_X` → `y`/`n`),
 * which is all that can be compared when no Kconfig tree is given.
 */
import { dirname, normalize } from 'node:path';
import type { DeviceOverlay } from '../../model/build.js';
import type { ConfigSet } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { override } from '../../model/merge-config-sets.js';
import type { Setting } from '../../model/setting.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import { createDiagnosticSink } from '../diagnostic-sink.js';
import type { ReadHost } from '../host.js';
import { loadMinikconf } from './load-minikconf.js';
import type { KconfigOverlay, LoadedKconfig } from './load-minikconf.js';
import { deviceFilePath } from './load-qemu-tree.js';
import type { QemuTree } from './load-qemu-tree.js';
import type { DeviceSelection } from './select-devices.js';

export interface DeviceConfig {
  readonly selection: DeviceSelection;
  /** The device files read and their clauses, in minikconf's order. */
  readonly program: LoadedKconfig;
  /** Every `CONFIG_X=y|n` of those files, the last one winning and the others kept as writers. */
  readonly settings: ConfigSet;
}

const NOTHING: LoadedKconfig = { clauses: [], declarations: [], references: [], files: [], diagnostics: [], failed: false };

export async function loadDeviceConfig(
  selection: DeviceSelection,
  overlays: readonly DeviceOverlay[],
  host: ReadHost,
  tree?: QemuTree,
): Promise<DeviceConfig> {
  const texts = new Map<string, KconfigOverlay>();
  for (const o of overlays) {
    const text = o.written ? o.written.map((w) => w.text).join('\n') : decodeInput(await host.readFile(o.file, DEFAULT_LIMITS.maxBytes), o.file);
    texts.set(o.file, { mode: o.mode, file: o.file, text, ...(o.written ? { origins: o.written.map((w) => w.origin) } : {}) });
  }
  const program = tree ? await fromTree(selection, overlays, texts, host, tree) : await fromOverlays(selection, overlays, texts, host);
  return { selection, program, settings: settingsOf(program, program.files[0] ?? selection.target) };
}

async function fromTree(
  selection: DeviceSelection,
  overlays: readonly DeviceOverlay[],
  texts: ReadonlyMap<string, KconfigOverlay>,
  host: ReadHost,
  tree: QemuTree,
): Promise<LoadedKconfig> {
  const byPath = new Map<string, KconfigOverlay>();
  for (const o of overlays) byPath.set(normalize(deviceFilePath(tree, o.target, o.name)), { ...texts.get(o.file)!, mode: o.mode });
  const path = normalize(deviceFilePath(tree, selection.target, selection.name));
  if (byPath.get(path)?.mode !== 'replace' && (await host.kind(path)) !== 'file') {
    // configure checks the file of --with-devices-ARCH=NAME (Q72 configure :L753-760); meson needs default.mak.
    const origin = selection.nameOrigin ?? { file: tree.root, line: 0 };
    const why = selection.name === 'default' ? `the tree has no ${path}; meson stops` : `configure stops with "File ${path} does not exist"`;
    return { ...NOTHING, diagnostics: [diagnostic(selection.name === 'default' ? 'FD178' : 'FD183', why, origin)], failed: true };
  }
  return loadMinikconf([path], host, { root: tree.root, overlays: byPath });
}

/**
 * Device files read on their own (a reference's device list, or a recipe's without a tree): the
 * assignments of each and of what it includes from its own directory, merged in the order given.
 */
export async function loadDeviceSettings(files: readonly string[], host: ReadHost): Promise<ConfigSet> {
  for (const file of files) {
    if ((await host.kind(file)) !== 'file') throw new InputError(diagnostic('FD104', 'no such file', { file, line: 0 }));
  }
  return settingsOf(await loadEach(files, host), files.join(' '));
}

/**
 * The default device file of these targets includes the one of the target on the right, in every
 * QEMU from 5.2 to 10.0 (configs/devices/x86_64-softmmu/default.mak: `include ../i386-softmmu/default.mak`).
 */
const INCLUDED_DEFAULT: Readonly<Record<string, string>> = { 'x86_64-softmmu': 'i386-softmmu', 'aarch64-softmmu': 'arm-softmmu', 'ppc64-softmmu': 'ppc-softmmu' };

/** Without a tree, the recipe's files for the target (and for the target its default file includes) are all there is to read. */
async function fromOverlays(selection: DeviceSelection, overlays: readonly DeviceOverlay[], texts: ReadonlyMap<string, KconfigOverlay>, host: ReadHost): Promise<LoadedKconfig> {
  const included = selection.name === 'default' ? INCLUDED_DEFAULT[selection.target] : undefined;
  const mine = overlays.filter((o) => (o.target === selection.target && o.name === selection.name) || (o.target === included && o.name === 'default'));
  // Lines a recipe writes itself stand in for a file of their own: nothing is read for them.
  const written = new Map(mine.flatMap((o) => (o.written ? [[normalize(o.file), { ...texts.get(o.file)!, mode: 'replace' as const }] as const] : [])));
  return mine.length === 0 ? NOTHING : loadEach(mine.map((o) => o.file), host, written);
}

async function loadEach(files: readonly string[], host: ReadHost, overlays: ReadonlyMap<string, KconfigOverlay> = new Map()): Promise<LoadedKconfig> {
  const loaded: LoadedKconfig[] = [];
  for (const file of files) loaded.push(await loadMinikconf([file], host, { root: dirname(file), overlays }));
  return {
    clauses: loaded.flatMap((l) => l.clauses),
    declarations: loaded.flatMap((l) => l.declarations),
    references: loaded.flatMap((l) => l.references),
    files: loaded.flatMap((l) => l.files),
    diagnostics: loaded.flatMap((l) => l.diagnostics),
    failed: loaded.some((l) => l.failed),
  };
}

/** Assignments as settings; a symbol set both y and n is minikconf's "contradiction between clauses". */
function settingsOf(program: LoadedKconfig, source: string): ConfigSet {
  const settings = new Map<string, Setting>();
  const sink = createDiagnosticSink(source);
  for (const clause of program.clauses) {
    if (clause.kind !== 'assign') continue;
    const key = `CONFIG_${clause.symbol}`;
    const value = clause.value ? 'y' : 'n';
    const previous = settings.get(key);
    if (previous && previous.value !== value && !previous.writers?.some((w) => w.value === value)) {
      const at = `${previous.origin.file}:${previous.origin.line}`;
      sink.add('FD181', `${key} is set to ${previous.value} at ${at} and to ${value} here; minikconf stops with "contradiction between clauses when setting ${clause.symbol}"`, clause.origin);
    }
    settings.set(key, override(previous, { key, value, origin: clause.origin }));
  }
  return { domain: 'qemu', settings, meta: { source }, diagnostics: [...program.diagnostics, ...sink.finish()] };
}
