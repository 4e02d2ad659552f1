/**
 * Reads Kata's guest-kernel fragments (tools/packaging/kernel/configs/fragments) into data that
 * the built-in profile ships and that `--reference <checkout>` uses live. Selection follows
 * build-kernel.sh `get_kernel_frag_path` for a build without options:
 * `common/*.conf` minus the files that contain `!<kernel arch>` anywhere (grep -L, a substring
 * match over the whole file), then `<kernel arch>/*.conf`.
 */
import { ARCHES, kernelArchOf } from '../../model/arch.js';
import { writersOf } from '../../model/merge-config-sets.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { readKconfig } from '../kconfig/read-kconfig.js';

/** What the built-in profile ships (src/knowledge/kata-kernel.json). */
export interface KataKernelData {
  /** Upstream repository and commit the fragments were read from. */
  readonly repository: string;
  readonly commit: string;
  /** Path of the fragments directory inside the repository. */
  readonly root: string;
  /** Linux version Kata pins at that commit, and Kata's `kata_config_version`. */
  readonly kernelVersion: string;
  readonly configVersion: string;
  /** Each fragment's assignments in file order, `[key, value, line]`, keyed by path under `root`. */
  readonly fragments: Readonly<Record<string, ReadonlyArray<readonly [string, string, number]>>>;
  /** whitelist.conf patterns (blank and comment lines left out). */
  readonly whitelist: readonly string[];
  /** Symbols of any fragment that a whitelist pattern matches: Kata lets them be absent. */
  readonly mayBeAbsent: readonly string[];
  /** Fragment paths per arch and flavour, in merge order. */
  readonly selections: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export interface KataSourceInfo {
  readonly repository: string;
  readonly commit: string;
  readonly root: string;
  readonly kernelVersion: string;
  readonly configVersion: string;
}

export async function readKataKernel(fragmentsDir: string, host: ReadHost, info: KataSourceInfo): Promise<KataKernelData> {
  const texts = new Map<string, string>();
  const read = async (path: string) => {
    const bytes = await host.readFile(`${fragmentsDir}/${path}`, DEFAULT_LIMITS.maxBytes);
    texts.set(path, decodeInput(bytes, `${info.root}/${path}`));
  };
  const confsIn = async (dir: string) => {
    const names = (await host.list(`${fragmentsDir}/${dir}`)).filter((n) => n.endsWith('.conf')).sort();
    const paths: string[] = [];
    for (const name of names) {
      if ((await host.kind(`${fragmentsDir}/${dir}/${name}`)) !== 'file') continue;
      paths.push(`${dir}/${name}`);
      await read(`${dir}/${name}`);
    }
    return paths;
  };

  const common = await confsIn('common');
  const selections: Record<string, Record<string, string[]>> = {};
  for (const arch of ARCHES) {
    const karch = kernelArchOf(arch);
    if ((await host.kind(`${fragmentsDir}/${karch}`)) !== 'directory') continue;
    const kept = common.filter((path) => !texts.get(path)!.includes(`!${karch}`));
    selections[arch] = { plain: [...kept, ...(await confsIn(karch))] };
  }

  const fragments: Record<string, Array<[string, string, number]>> = {};
  for (const [path, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const set = readKconfig(text, `${info.root}/${path}`);
    fragments[path] = [...set.settings.values()]
      .flatMap((s) => writersOf(s).map((w): [string, string, number] => [s.key, w.value, w.origin.line]))
      .sort((a, b) => a[2] - b[2]);
  }

  const whitelistBytes = await host.readFile(`${fragmentsDir}/whitelist.conf`, DEFAULT_LIMITS.maxBytes);
  const whitelist = decodeInput(whitelistBytes, `${info.root}/whitelist.conf`)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  // build-kernel.sh greps merge_config.sh's "Value requested for CONFIG_X not in final .config" lines
  // with `grep -v -f whitelist.conf`: each pattern matches anywhere in the line, as a substring.
  const symbols = new Set(Object.values(fragments).flatMap((entries) => entries.map(([key]) => key)));
  const mayBeAbsent = [...symbols]
    .filter((key) => whitelist.some((pattern) => `Value requested for ${key} not in final .config`.includes(pattern)))
    .sort();

  return { ...info, fragments, whitelist, mayBeAbsent, selections };
}
