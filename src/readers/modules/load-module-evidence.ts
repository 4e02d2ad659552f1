/**
 * Evidence that a guest's initramfs carries kernel modules: a dracut configuration
 * (`drivers+=" ... "`, `add_drivers`, `force_drivers`, `filesystems`: dracut.conf(5)) or a module
 * list, one per line: names (`virtio_blk`, as in /etc/initramfs-tools/modules, where words after
 * the name are parameters), file names (`virtio_blk.ko.xz`) or paths as `lsinitramfs` prints them.
 */
import { diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { moduleName } from '../../model/module-evidence.js';
import type { ModuleEvidence } from '../../model/module-evidence.js';
import type { Origin } from '../../model/origin.js';
import { DEFAULT_LIMITS } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import { quoteLine } from '../diagnostic-sink.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';

const DRACUT = /^\s*(?:add_|force_)?(?:drivers|filesystems)\+?=\s*(["']?)(.*)\1\s*$/;
const MODULE_PATH = /\.ko(\.(xz|gz|zst))?$/;

export interface LoadedEvidence {
  readonly evidence: ModuleEvidence;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads every file and joins what they list; the first file to name a module is its origin. */
export async function loadModuleEvidence(paths: readonly string[], host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<LoadedEvidence> {
  const modules = new Map<string, Origin>();
  const diagnostics: Diagnostic[] = [];
  for (const file of paths) {
    const lines = (await readInputText(file, host, limits)).split('\n');
    lines.forEach((raw, index) => {
      const origin = { file, line: index + 1 };
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const add = (word: string) => {
        const name = moduleName(word);
        if (name && !modules.has(name)) modules.set(name, origin);
      };
      const dracut = DRACUT.exec(line);
      if (dracut) {
        // Only literal words count: dracut's configs are shell, and flagdiff never runs them.
        if (dracut[2]!.includes('$') || dracut[2]!.includes('`')) diagnostics.push(diagnostic('FD156', `${quoteLine(line)} is computed by the shell; its modules are not counted`, origin));
        else dracut[2]!.split(/\s+/).filter(Boolean).forEach(add);
      } else if (/^[A-Za-z_]\w*\+?=/.test(line)) {
        diagnostics.push(diagnostic('FD156', `${quoteLine(line)} is neither a dracut drivers line nor a module name`, origin));
      } else {
        const word = line.split(/\s+/)[0]!;
        // lsinitramfs lists every file of the image; only kernel modules are evidence.
        if (!word.includes('/') || MODULE_PATH.test(word)) add(word);
      }
    });
  }
  return { evidence: { sources: paths, modules }, diagnostics };
}
