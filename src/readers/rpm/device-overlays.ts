/**
 * The device files a spec puts into QEMU's tree before it configures a build: Fedora's 2020 qemu-mini
 * `cp %{_sourcedir}/mini-$cfg default-configs/$cfg` before `build-mini`, and the `mv` that restores the
 * tree's own file after it. Followed command by command, so each build gets the files in place when
 * its configure runs. Only files in the spec's own directory are taken, like `%include`.
 */
import { posix } from 'node:path';
import type { CommandCall } from '../../eval/shell/shell-state.js';
import { textOf } from '../../eval/shell/shell-value.js';
import { isAbsolute, relative } from 'node:path';
import type { Build, DeviceOverlay } from '../../model/build.js';
import type { ReadHost } from '../host.js';
import { diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';

/** `default-configs/<target>.mak` (QEMU before 6.0) or `configs/devices/<target>/<name>.mak`. */
const DEVICE_FILE = /^(?:default-configs\/([a-z0-9_]+-softmmu)\.mak|configs\/devices\/([a-z0-9_]+-softmmu)\/([A-Za-z0-9_-]+)\.mak)$/;

export interface DeviceOverlayTracker {
  /** Follows one command of the script, in the order it runs. */
  observe(call: CommandCall): void;
  /** The device files in place now. */
  current(): DeviceOverlay[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `sourceTree` is where the script runs (the unpacked sources); `specDir` the spec's directory as
 * given, which `%{_sourcedir}` names.
 */
export function trackDeviceOverlays(sourceTree: string, specDir: string, clean: (origin: Origin) => Origin): DeviceOverlayTracker {
  const placed = new Map<string, DeviceOverlay>();
  const diagnostics: Diagnostic[] = [];
  return {
    observe(call) {
      const [command, ...rest] = call.argv.map(textOf);
      if ((command !== 'cp' && command !== 'mv') || call.cwd.unknown !== undefined || call.argv.some((w) => w.unknown !== undefined)) return;
      const words = rest.filter((w) => !w.startsWith('-'));
      if (words.length !== 2) return;
      const [source, destination] = words as [string, string];
      const cwd = textOf(call.cwd);
      const into = posix.relative(sourceTree, posix.resolve(cwd, destination));
      const device = DEVICE_FILE.exec(into);
      if (!device) return;
      const target = (device[1] ?? device[2])!;
      const name = device[3] ?? 'default';
      const fromTree = !posix.relative(sourceTree, posix.resolve(cwd, source)).startsWith('..') && !source.startsWith(specDir);
      if (fromTree) {
        placed.delete(into); // the tree's own file back in place
      } else if (inside(specDir, source)) {
        placed.set(into, { target, name, mode: 'replace', file: source });
      } else {
        diagnostics.push(diagnostic('FD130', `${source} is outside the spec's directory ${specDir}; the device file it copies to ${into} is not read`, clean(call.origin)));
      }
    },
    current: () => [...placed.values()],
    diagnostics,
  };
}

function inside(directory: string, path: string): boolean {
  const rest = posix.relative(posix.resolve(directory), posix.resolve(path));
  return rest !== '' && !rest.startsWith('..') && !posix.isAbsolute(rest);
}

/** The device files a build copies in must exist, and really be in the recipe's directory: a link there may not lead out. */
export async function checkDeviceFiles(builds: readonly Build[], directory: string, host: ReadHost): Promise<{ builds: Build[]; refused: Diagnostic[] }> {
  const refused: Diagnostic[] = [];
  const realPath = host.realPath?.bind(host) ?? (async (path: string) => path);
  const root = await realPath(directory);
  const kept: Build[] = [];
  for (const build of builds) {
    const devices: DeviceOverlay[] = [];
    for (const overlay of build.devices ?? []) {
      if ((await host.kind(overlay.file)) !== 'file') {
        refused.push(diagnostic('FD131', `${overlay.file} does not exist, so the recipe's cp would fail; ${build.id} is read without it`, build.origin));
        continue;
      }
      const rest = relative(root, await realPath(overlay.file));
      if (rest.startsWith('..') || isAbsolute(rest)) {
        refused.push(diagnostic('FD130', `${overlay.file} is a link that leads outside the recipe's directory; the device file it stands for is not read`, build.origin));
      } else devices.push(overlay);
    }
    const { devices: _unchecked, ...plain } = build;
    kept.push(devices.length ? { ...plain, devices } : plain);
  }
  return { builds: kept, refused };
}
