/**
 * A Debian `debian/config` tree evaluated for one flavour: its fragments merged in the packaging's
 * order (debian-config-files.ts), the last writer winning as in debian/bin/kconfig.py. The result
 * is what `make olddefconfig` starts from, so it is partial: derived symbols are not in it.
 */
import { join } from 'node:path';
import { archFromDebianArch } from '../../model/arch.js';
import type { ConfigSet } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { mergeConfigSets } from '../../model/merge-config-sets.js';
import { DEFAULT_LIMITS } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import { confinedHost } from '../confined-host.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';
import { debianConfigFiles } from './debian-config-files.js';
import { readKconfig } from './read-kconfig.js';

/**
 * `variant` as Debian names its final configs, `amd64_none_cloud-amd64` (arch, featureset,
 * flavour), or a flavour of `debianArch` in featureset `none`, or undefined for its default flavour.
 */
export async function loadDebianConfig(root: string, variant: string | undefined, debianArch: string | undefined, anyHost: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<ConfigSet> {
  // The defines name the files to read (`configs:`), and flavour names become paths: neither may leave the tree.
  const host = confinedHost(anyHost, root);
  const parts = variant?.split('_') ?? [];
  const [arch, featureset, flavour] = parts.length === 3 ? parts : [debianArch, 'none', variant];
  if (!arch) throw new InputError(diagnostic('FD150', 'name the arch (--arch) or the variant (amd64_none_amd64) to read a Debian config tree for', { file: root, line: 0 }));
  const selection = await debianConfigFiles(root, arch, featureset!, flavour, host);

  const sets: ConfigSet[] = [];
  const diagnostics = [...selection.diagnostics];
  const files: string[] = [];
  for (const { path, required } of selection.files) {
    const file = join(root, path);
    if ((await host.kind(file)) !== 'file') {
      if (required) diagnostics.push(diagnostic('FD151', `${path} is absent; the packaging fails without it ("${path} unavailable")`, { file: root, line: 0 }));
      continue;
    }
    files.push(file);
    sets.push(readKconfig(await readInputText(file, host, limits), file));
  }
  const uname = archFromDebianArch(arch);
  const merged = mergeConfigSets(sets, {
    source: root,
    shape: 'partial',
    declaredArch: arch,
    ...(uname ? { arch: uname } : {}),
    variant: `${arch}_${selection.featureset}_${selection.flavour}`,
    files,
  });
  return { ...merged, diagnostics: [...diagnostics, ...merged.diagnostics] };
}
