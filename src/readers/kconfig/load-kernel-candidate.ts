/**
 * A kernel candidate in any shape a distribution ships: a config file (plain, .gz, .xz), a
 * kernel-ark `redhat/configs` tree, a Debian `debian/config` tree, or Ubuntu annotations. The
 * layout is detected from what is there, or named; trees are evaluated for one variant.
 */
import { join } from 'node:path';
import type { Arch } from '../../model/arch.js';
import { debianArchOf } from '../../model/arch.js';
import type { ConfigSet } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { DEFAULT_LIMITS } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';
import { loadKconfig } from './load-kconfig.js';
import { readKconfig } from './read-kconfig.js';
import { redhatFlavours } from './read-priority-file.js';

export const KERNEL_LAYOUTS = ['config', 'redhat-configs', 'debian-config', 'ubuntu-annotations'] as const;
export type KernelLayout = (typeof KERNEL_LAYOUTS)[number];

export interface KernelCandidateOptions {
  /** Skip detection. */
  readonly layout?: KernelLayout;
  /** For trees: `x86_64-debug-fedora`, `amd64_none_cloud-amd64`, `amd64-generic` or a flavour (`generic`). */
  readonly variant?: string;
  /** For trees whose variant does not name the arch. */
  readonly arch?: Arch;
  readonly limits?: InputLimits;
}

/** Where a layout was found: a tree may sit below the path given (`redhat/configs`, `debian/config`). */
export interface DetectedLayout {
  readonly layout: KernelLayout;
  readonly root: string;
}

const ANNOTATIONS_HEADER = /^# (FORMAT: 4|Menu: HEADER)$/m;

export async function detectKernelLayout(path: string, host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<DetectedLayout> {
  return (await detect(path, host, limits)).detected;
}

/** The layout, and for a file its text, so that a config file is read once. */
async function detect(path: string, host: ReadHost, limits: InputLimits): Promise<{ detected: DetectedLayout; text?: string }> {
  const kind = await host.kind(path);
  if (kind === 'missing') throw new InputError(diagnostic('FD104', 'no such file', { file: path, line: 0 }));
  if (kind === 'file') {
    const text = await readInputText(path, host, limits);
    return { detected: { layout: ANNOTATIONS_HEADER.test(text.slice(0, 512)) ? 'ubuntu-annotations' : 'config', root: path }, text };
  }
  return { detected: await detectTree(path, host) };
}

async function detectTree(path: string, host: ReadHost): Promise<DetectedLayout> {
  const candidates: Array<[KernelLayout, string, (dir: string) => Promise<boolean>]> = [
    ['redhat-configs', '', async (dir) => (await redhatFlavours(dir, host)).length > 0],
    ['redhat-configs', 'redhat/configs', async (dir) => (await host.kind(dir)) === 'directory' && (await redhatFlavours(dir, host)).length > 0],
    ['debian-config', '', async (dir) => (await host.kind(join(dir, 'defines'))) === 'file' || (await host.kind(join(dir, 'defines.toml'))) === 'file'],
    ['debian-config', 'debian/config', async (dir) => (await host.kind(join(dir, 'defines'))) === 'file' || (await host.kind(join(dir, 'defines.toml'))) === 'file'],
    ['ubuntu-annotations', 'annotations', async (file) => (await host.kind(file)) === 'file'],
    ['ubuntu-annotations', 'config/annotations', async (file) => (await host.kind(file)) === 'file'],
  ];
  for (const [layout, below, test] of candidates) {
    const root = below ? join(path, below) : path;
    if (await test(root)) return { layout, root };
  }
  throw new InputError(diagnostic('FD104', 'is a directory; give a kernel config file (.config, config-*, *.gz, *.xz) or a distro config tree (redhat/configs with priority.*, debian/config with defines, Ubuntu annotations)', { file: path, line: 0 }));
}

/** The tree readers load only when a tree is given: a config file, the common case, loads none of them. */
export async function loadKernelCandidate(path: string, host: ReadHost, options: KernelCandidateOptions = {}): Promise<ConfigSet> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { detected, text } = options.layout ? { detected: { layout: options.layout, root: path }, text: undefined } : await detect(path, host, limits);
  const { layout, root } = detected;
  switch (layout) {
    case 'config': {
      if (text !== undefined) return readKconfig(text, root);
      return loadKconfig(root, host, limits);
    }
    case 'redhat-configs': {
      const variant = options.variant ?? options.arch;
      if (!variant) throw new InputError(diagnostic('FD150', 'name the variant (x86_64-debug-fedora) or the arch to read a redhat/configs tree for', { file: root, line: 0 }));
      const { loadRedhatConfigs } = await import('./load-redhat-configs.js');
      return loadRedhatConfigs(root, variant, host, limits);
    }
    case 'debian-config': {
      const { loadDebianConfig } = await import('./load-debian-config.js');
      return loadDebianConfig(root, options.variant, options.arch && debianArchOf(options.arch), host, limits);
    }
    case 'ubuntu-annotations': {
      const [{ loadAnnotations }, { annotationsConfig }] = await Promise.all([import('./load-annotations.js'), import('./annotations-config.js')]);
      const annotations = await loadAnnotations(root, host, limits);
      const named = annotations.arch.find((a) => options.variant?.startsWith(`${a}-`));
      const arch = named ?? (options.arch && debianArchOf(options.arch));
      if (!arch) throw new InputError(diagnostic('FD150', `name the arch (--arch) or the variant (${annotations.flavour[0]}) to read the annotations for`, { file: root, line: 0 }));
      return annotationsConfig(annotations, arch, named ? options.variant!.slice(named.length + 1) : options.variant);
    }
  }
}
