/**
 * Kata 1.x's device lists: packaging's qemu/default-configs/*.mak, copied over QEMU's own
 * default-configs/ before the build (snap/snapcraft.yaml `cp -a ${configs_dir} .`), so they replace
 * upstream's defaults. An arch's file is QEMU's target file for it; `include` pulls in another file of
 * the same directory, as QEMU's build did (x86_64 has no file of its own: upstream's includes i386's).
 */
import { parseMinikconf } from '../../eval/minikconf/parse-minikconf.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { diagnostic } from '../../model/diagnostic.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import type { KataDeviceEntry } from './read-qemu-devices.js';

/** QEMU's softmmu targets for each arch, the first present in Kata's directory being used. */
const TARGETS: Readonly<Record<string, readonly string[]>> = {
  x86_64: ['x86_64-softmmu', 'i386-softmmu'],
  aarch64: ['aarch64-softmmu'],
  ppc64le: ['ppc64-softmmu'],
  s390x: ['s390x-softmmu'],
};
/** Includes followed: QEMU's own files nest two deep. */
const MAX_INCLUDES = 8;

export interface DefaultConfigs {
  readonly target: string;
  /** Settings in the order QEMU reads them, an include's in place of the include line. */
  readonly entries: readonly KataDeviceEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The arch's device list, or `undefined` when Kata ships none for it (QEMU's own defaults apply). */
export async function readDefaultConfigs(root: string, dir: string, arch: string, host: ReadHost): Promise<DefaultConfigs | undefined> {
  for (const target of TARGETS[arch] ?? []) {
    if ((await host.kind(`${root}/${dir}/${target}.mak`)) !== 'file') continue;
    const entries: KataDeviceEntry[] = [];
    const diagnostics: Diagnostic[] = [];
    const read = async (name: string, depth: number): Promise<void> => {
      const file = `${dir}/${name}`;
      if (depth > MAX_INCLUDES || name.includes('/')) {
        diagnostics.push(diagnostic('FD113', `include ${name} is not followed (outside ${dir}, or nested more than ${MAX_INCLUDES} deep)`, { file, line: 0 }));
        return;
      }
      if ((await host.kind(`${root}/${file}`)) !== 'file') {
        diagnostics.push(diagnostic('FD113', `${name} is not in Kata's ${dir}: it is QEMU's own, which flagdiff does not read`, { file, line: 0 }));
        return;
      }
      // Read as minikconf reads a device file: settings and includes in order, the first error ends it.
      const parsed = parseMinikconf(decodeInput(await host.readFile(`${root}/${file}`, DEFAULT_LIMITS.maxBytes), file), file);
      for (const item of parsed.items) {
        if (item.kind === 'source') await read(item.path, depth + 1);
        else if (item.kind === 'assign') entries.push({ key: `CONFIG_${item.symbol}`, value: item.value ? 'y' : 'n', file, line: item.origin.line });
      }
      if (parsed.error) diagnostics.push(diagnostic('FD101', `${parsed.error.message}: minikconf stops reading the file here`, parsed.error.origin));
    };
    await read(`${target}.mak`, 0);
    return { target, entries, diagnostics };
  }
  return undefined;
}
