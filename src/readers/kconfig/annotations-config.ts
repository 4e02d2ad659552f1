/**
 * The kernel config Ubuntu's annotations give one arch and flavour, as `annotations --export`
 * writes it: `search_config` looks a config up under `arch-flavour`, then the FLAVOUR_DEP parent,
 * then `arch`; `n` is exported as `# CONFIG_X is not set` and `-` (not applicable) not at all.
 */
import { archFromDebianArch } from '../../model/arch.js';
import type { ConfigSet } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { Setting } from '../../model/setting.js';
import type { Annotations } from './load-annotations.js';

/**
 * `flavour` is the part after the arch (`generic`, `kvm`); by default the main file's first
 * flavour of that arch. The annotations list every option of every arch, so the result is a full
 * config: an absent symbol is one the kernel does not have there.
 */
export function annotationsConfig(annotations: Annotations, debianArch: string, flavour?: string): ConfigSet {
  const where = { file: annotations.file, line: 0 };
  if (!annotations.arch.includes(debianArch)) {
    throw new InputError(diagnostic('FD150', `no arch ${debianArch} in the annotations; ARCH is ${annotations.arch.join(' ')}`, where));
  }
  const own = annotations.flavour.filter((f) => f.startsWith(`${debianArch}-`));
  const chosen = flavour === undefined ? own[0] : `${debianArch}-${flavour}`;
  if (chosen === undefined || !own.includes(chosen)) {
    throw new InputError(diagnostic('FD150', `no flavour ${chosen ?? `for ${debianArch}`} in the annotations; FLAVOUR is ${annotations.flavour.join(' ')}`, where));
  }
  const parent = annotations.flavourDep[chosen] ?? chosen;

  const settings = new Map<string, Setting>();
  for (const [key, entry] of annotations.config) {
    const rule = [chosen, parent, debianArch].find((k) => entry.policy[k] !== undefined);
    if (rule === undefined) continue;
    const value = entry.policy[rule]!;
    if (value !== '-') settings.set(key, { key, value, origin: entry.origins[rule]! });
  }
  const arch = archFromDebianArch(debianArch);
  return {
    domain: 'kernel',
    settings,
    meta: {
      source: annotations.file,
      shape: 'full',
      declaredArch: debianArch,
      ...(arch ? { arch } : {}),
      variant: chosen,
      files: annotations.files,
    },
    diagnostics: annotations.diagnostics,
  };
}
