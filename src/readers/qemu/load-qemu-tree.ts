/**
 * A QEMU source tree's device layer: its version, the Kconfig files `Kconfig` sources (every
 * `config` of every device, board, host and accelerator symbol), where its device files live, and
 * what each system target is (`configs/targets/T.mak`: TARGET_ARCH, big endian, needs libfdt).
 * These are the inputs meson.build hands to scripts/minikconf.py for each `*-softmmu` target.
 */
import { join } from 'node:path';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { loadMinikconf } from './load-minikconf.js';
import type { LoadedKconfig } from './load-minikconf.js';
import { readKconfigInputs } from './read-kconfig-inputs.js';
import type { KconfigInputs } from './read-kconfig-inputs.js';

/**
 * Where device files live: `configs/devices/T/NAME.mak` since QEMU 6.0 (`--with-devices-ARCH=NAME`
 * picks NAME), `default-configs/devices/T.mak` in 5.2, `default-configs/T.mak` before.
 */
export type DeviceLayout = 'configs/devices' | 'default-configs/devices' | 'default-configs';

export interface QemuTarget {
  /** `x86_64-softmmu`. */
  readonly name: string;
  /** TARGET_ARCH (`x86_64`); meson passes `CONFIG_<TARGET_ARCH>=y` to minikconf. */
  readonly arch: string;
  readonly bigEndian: boolean;
  /** TARGET_NEED_FDT: meson builds the target only with libfdt. */
  readonly needFdt: boolean;
  readonly origin: Origin;
}

export interface QemuTree {
  /** The directory as given. */
  readonly root: string;
  /** The VERSION file's content (`7.2.0`). */
  readonly version?: string;
  /** `Kconfig` and everything it sources. */
  readonly kconfig: LoadedKconfig;
  readonly layout: DeviceLayout;
  readonly targets: ReadonlyMap<string, QemuTarget>;
  /** What meson.build passes to minikconf besides the files; `undefined` if its text was not recognised. */
  readonly inputs?: KconfigInputs;
}

const LAYOUTS: readonly DeviceLayout[] = ['configs/devices', 'default-configs/devices', 'default-configs'];
const TARGET_DIRS = ['configs/targets', 'default-configs/targets'];

export async function loadQemuTree(root: string, host: ReadHost): Promise<QemuTree> {
  const notTree = (why: string): never => {
    throw new InputError(diagnostic('FD186', `is not a QEMU source tree: ${why}`, { file: root, line: 0 }));
  };
  if ((await host.kind(root)) !== 'directory') notTree('not a directory');
  if ((await host.kind(join(root, 'Kconfig'))) !== 'file') notTree('it has no Kconfig file (QEMU has one since 4.0)');
  let layout: DeviceLayout | undefined;
  for (const candidate of LAYOUTS) {
    if ((await host.kind(join(root, candidate))) === 'directory') {
      layout = candidate;
      break;
    }
  }
  if (!layout) notTree('it has neither configs/devices nor default-configs');
  const version = (await readOptional(join(root, 'VERSION'), host))?.trim();
  const kconfig = await loadMinikconf([join(root, 'Kconfig')], host, { root });
  const meson = join(root, 'meson.build');
  const mesonText = await readOptional(meson, host);
  const inputs = mesonText === undefined ? undefined : readKconfigInputs(mesonText, meson);
  return {
    root,
    ...(version ? { version } : {}),
    kconfig,
    layout: layout!,
    targets: await readTargets(root, host),
    ...(inputs ? { inputs } : {}),
  };
}

/** The device file meson reads for a target: `NAME` from `--with-devices-ARCH=NAME`, else `default`. */
export function deviceFilePath(tree: Pick<QemuTree, 'root' | 'layout'>, target: string, name = 'default'): string {
  if (tree.layout === 'configs/devices') return join(tree.root, tree.layout, target, `${name}.mak`);
  return join(tree.root, tree.layout, `${target}.mak`);
}

async function readTargets(root: string, host: ReadHost): Promise<Map<string, QemuTarget>> {
  const targets = new Map<string, QemuTarget>();
  for (const dir of TARGET_DIRS) {
    const path = join(root, dir);
    if ((await host.kind(path)) !== 'directory') continue;
    for (const entry of (await host.list(path)).filter((n) => n.endsWith('-softmmu.mak')).sort()) {
      const file = join(path, entry);
      const text = await readOptional(file, host);
      if (text === undefined) continue;
      // keyval.load in meson: KEY=VALUE lines.
      const values = new Map<string, [string, number]>();
      text.split('\n').forEach((line, i) => {
        const eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith('#')) values.set(line.slice(0, eq).trim(), [line.slice(eq + 1).trim(), i + 1]);
      });
      const arch = values.get('TARGET_ARCH');
      if (!arch) continue;
      const name = entry.slice(0, -'.mak'.length);
      targets.set(name, {
        name,
        arch: arch[0],
        bigEndian: values.get('TARGET_BIG_ENDIAN')?.[0] === 'y' || values.get('TARGET_WORDS_BIGENDIAN')?.[0] === 'y',
        needFdt: values.get('TARGET_NEED_FDT')?.[0] === 'y',
        origin: { file, line: arch[1] },
      });
    }
    break;
  }
  return targets;
}

async function readOptional(path: string, host: ReadHost): Promise<string | undefined> {
  if ((await host.kind(path)) !== 'file') return undefined;
  return decodeInput(await host.readFile(path, DEFAULT_LIMITS.maxBytes), path);
}
