/**
 * A kernel-ark `redhat/configs/` tree evaluated for one variant, as build_configs.sh and merge.py
 * build `kernel-<variant>-<flavour>.config`: every directory under an ORDER top directory is a
 * layer named after its path (`fedora/generic/x86` → `generic-x86` of `fedora`), holding one file
 * per option. ORDER is the outer loop, the variant's layers the inner one, so any `fedora/` layer
 * beats every `common/` layer. Layers of the first ORDER entry must exist; later ones may be absent.
 */
import { dirname, join } from 'node:path';
import { archFromKernelArch } from '../../model/arch.js';
import type { ConfigSet } from '../../model/config-set.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { override } from '../../model/merge-config-sets.js';
import type { Setting } from '../../model/setting.js';
import { DEFAULT_LIMITS } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import { globHost } from '../glob-host.js';
import { confinedHost } from '../confined-host.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';
import { readKconfig } from './read-kconfig.js';
import { readPriorityFile, redhatFlavours } from './read-priority-file.js';

/** build_configs.sh writes line 1 from the variant's arch, in the kernel's name for it. */
const KERNEL_ARCH: Readonly<Record<string, string>> = { aarch64: 'arm64', ppc64le: 'powerpc', s390x: 's390', armv7hl: 'arm' };

/**
 * `variant` as dist-git names its files, `x86_64-debug-fedora`, or without the flavour
 * (`x86_64-debug`), which then means `fedora`, or the only flavour the tree has besides `common`.
 */
export async function loadRedhatConfigs(root: string, variant: string, anyHost: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<ConfigSet> {
  // Walking the tree follows what it finds: a link in it must not lead outside.
  const host = confinedHost(anyHost, root);
  const flavours = await redhatFlavours(root, host);
  const where = { file: root, line: 0 };
  const suffix = variant.slice(variant.lastIndexOf('-') + 1);
  const named = variant.includes('-') && flavours.includes(suffix);
  const others = flavours.filter((f) => f !== 'common');
  const flavour = named ? suffix : flavours.includes('fedora') ? 'fedora' : others.length === 1 ? others[0] : undefined;
  if (!flavour) throw new InputError(diagnostic('FD150', `name the flavour of ${variant}: the tree has priority.${flavours.join(', priority.') || ' (none)'}`, where));
  const archVariant = named ? variant.slice(0, -suffix.length - 1) : variant;

  const priorityPath = join(root, `priority.${flavour}`);
  const priority = readPriorityFile(await readInputText(priorityPath, host, limits), priorityPath);
  if (priority.empty.includes(archVariant)) throw new InputError(diagnostic('FD150', `${archVariant} is listed in EMPTY= of priority.${flavour}: it has no config`, { file: priorityPath, line: 0 }));
  const chosen = priority.variants.get(archVariant);
  if (!chosen) throw new InputError(diagnostic('FD150', `no variant ${archVariant} in priority.${flavour}; it has ${[...priority.variants.keys()].join(' ')}`, { file: priorityPath, line: 0 }));

  const diagnostics: Diagnostic[] = [...priority.diagnostics];
  const layers = await layerFiles(root, priority.order, host);
  const settings = new Map<string, Setting>();
  const files: string[] = [priorityPath];
  for (const [pass, top] of priority.order.entries()) {
    for (const layer of chosen.layers) {
      const paths = layers.get(`${top}-${layer}`);
      if (!paths) {
        // build_configs.sh: "first configs in $order is baseline, all files should be there".
        if (pass === 0) diagnostics.push(diagnostic('FD151', `layer ${top}/${layer.replaceAll('-', '/')} of ${archVariant} is absent; build_configs.sh fails without it`, { file: priorityPath, line: chosen.line }));
        continue;
      }
      const entries: OptionFile[] = [];
      for (const path of paths) entries.push(await readOptionFile(join(root, path), host, limits));
      mergeLayer(entries, settings);
      for (const entry of entries) diagnostics.push(...entry.diagnostics);
      files.push(...paths.map((path) => join(root, path)));
    }
  }

  const arch = archVariant.split('-')[0]!;
  const declaredArch = KERNEL_ARCH[arch] ?? arch;
  const uname = archFromKernelArch(declaredArch);
  return {
    domain: 'kernel',
    settings,
    meta: { source: root, shape: 'partial', declaredArch, ...(uname ? { arch: uname } : {}), variant: `${archVariant}-${flavour}`, files },
    diagnostics,
  };
}

interface OptionFile {
  readonly file: string;
  readonly settings: readonly Setting[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Layer name (`fedora-generic-x86`, as combine_config_layer names `config-${dir//\//-}`) → its
 * option files relative to the root, in byte order, editor `~` backups skipped.
 */
async function layerFiles(root: string, order: readonly string[], host: ReadHost): Promise<Map<string, string[]>> {
  const layers = new Map<string, string[]>();
  for (const top of order) if ((await host.kind(join(root, top))) === 'directory') layers.set(top, []);
  for (const path of await globHost(host, [...layers.keys()].map((top) => `${top}/**`), root, true)) {
    const directory = path.endsWith('/');
    const layer = (directory ? path.slice(0, -1) : dirname(path)).replaceAll('/', '-');
    const list = layers.get(layer) ?? [];
    layers.set(layer, list);
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!directory && name.startsWith('CONFIG_') && !name.endsWith('~')) list.push(path);
  }
  return layers;
}

async function readOptionFile(file: string, host: ReadHost, limits: InputLimits): Promise<OptionFile> {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const text = await readInputText(file, host, limits);
  let set;
  try {
    set = readKconfig(text, file);
  } catch (error) {
    // An option file with only comments sets nothing; merge.py passes it over too.
    if (error instanceof InputError) return { file, settings: [], diagnostics: [diagnostic('FD152', `${name} sets no option`, { file, line: 0 })] };
    throw error;
  }
  const settings = [...set.settings.values()];
  const diagnostics: Diagnostic[] = [...set.diagnostics];
  if (settings.length !== 1 || settings[0]!.key !== name) {
    diagnostics.push(diagnostic('FD152', `${name} sets ${settings.map((s) => s.key).join(', ')}; kernel-ark keeps one option per file, named after it`, { file, line: settings[0]?.origin.line ?? 0 }));
  }
  return { file, settings, diagnostics };
}

/** merge.py: within one layer the first occurrence of a symbol counts; it then overrides the base. */
function mergeLayer(entries: readonly OptionFile[], settings: Map<string, Setting>): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const setting of entry.settings) {
      if (seen.has(setting.key)) continue;
      seen.add(setting.key);
      settings.set(setting.key, override(settings.get(setting.key), setting));
    }
  }
}
