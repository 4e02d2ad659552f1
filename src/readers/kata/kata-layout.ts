/**
 * Where things are in a Kata checkout: kata-containers/kata-containers (Kata 2 and later, everything
 * under tools/packaging) or kata-containers/packaging (Kata 1.x), the versions it pins (versions.yaml)
 * and the commit it is at (read from .git inside the checkout, never by running git).
 */
import { InputError, diagnostic } from '../../model/diagnostic.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';

export interface KataLayout {
  /** The checkout, as given. */
  readonly root: string;
  /** `kata-containers/kata-containers` (Kata 2+) or `kata-containers/packaging` (Kata 1.x). */
  readonly repository: string;
  /** Paths inside the checkout. */
  readonly fragments: string;
  readonly kernelDir: string;
  readonly configureScript: string;
  /** Kata 2+: the script that appends the device allowlist to QEMU's default.mak. */
  readonly qemuBuildScript?: string;
  /** Kata 1.x: the default-configs/*.mak files copied over QEMU's. */
  readonly defaultConfigs?: string;
  readonly versionsFile?: string;
  /** Kata 2+: the runtime's sources (its per-arch machine type, configuration-qemu.toml.in). */
  readonly runtimeDir?: string;
}

const LAYOUTS: readonly Omit<KataLayout, 'root'>[] = [
  {
    repository: 'kata-containers/kata-containers',
    fragments: 'tools/packaging/kernel/configs/fragments',
    kernelDir: 'tools/packaging/kernel',
    configureScript: 'tools/packaging/scripts/configure-hypervisor.sh',
    qemuBuildScript: 'tools/packaging/static-build/qemu/build-qemu.sh',
    versionsFile: 'versions.yaml',
    runtimeDir: 'src/runtime',
  },
  {
    repository: 'kata-containers/packaging',
    fragments: 'kernel/configs/fragments',
    kernelDir: 'kernel',
    configureScript: 'scripts/configure-hypervisor.sh',
    defaultConfigs: 'qemu/default-configs',
  },
];

/** Recognises the checkout by its configure-hypervisor.sh; anything else is refused (FD110). */
export async function findKataLayout(root: string, host: ReadHost): Promise<KataLayout> {
  for (const layout of LAYOUTS) {
    if ((await host.kind(`${root}/${layout.configureScript}`)) === 'file') return { root, ...layout };
  }
  const expected = LAYOUTS.map((l) => l.configureScript).join(' or ');
  throw new InputError(diagnostic('FD110', `not a Kata checkout: neither ${expected} is there`, { file: root, line: 0 }));
}

/** A file of the checkout as text. */
export async function readText(host: ReadHost, root: string, path: string): Promise<string> {
  return decodeInput(await host.readFile(`${root}/${path}`, DEFAULT_LIMITS.maxBytes), path);
}

/**
 * A value of versions.yaml by its path (`assets.kernel.version`), read by indentation: the file is
 * plain nested mappings of scalars, which is all this needs (no anchors, flow style or multi-line values).
 */
export function yamlValue(text: string, path: string): string | undefined {
  const keys = path.split('.');
  const stack: { indent: number; key: string }[] = [];
  for (const line of text.split('\n')) {
    const match = /^( *)([A-Za-z0-9_.-]+):(?:\s+(.*?))?\s*$/.exec(line.replace(/\s+#.*$/, ''));
    if (!match) continue;
    const indent = match[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: match[2]! });
    if (stack.length === keys.length && stack.every((s, i) => s.key === keys[i]) && match[3] !== undefined) {
      return match[3].replace(/^(["'])(.*)\1$/, '$2');
    }
  }
  return undefined;
}

/** The commit a checkout is at: `.git/HEAD`, then the branch's ref or packed-refs; `undefined` when .git is elsewhere. */
export async function readHeadCommit(root: string, host: ReadHost): Promise<string | undefined> {
  if ((await host.kind(`${root}/.git/HEAD`)) !== 'file') return undefined;
  const head = (await readText(host, root, '.git/HEAD')).trim();
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  if (!ref || ref.includes('..')) return undefined;
  if ((await host.kind(`${root}/.git/${ref}`)) === 'file') return (await readText(host, root, `.git/${ref}`)).trim();
  if ((await host.kind(`${root}/.git/packed-refs`)) !== 'file') return undefined;
  const packed = await readText(host, root, '.git/packed-refs');
  return new RegExp(`^([0-9a-f]{40}) ${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').exec(packed)?.[1];
}

/** The version without a leading `v` (`v6.18.35` → `6.18.35`). */
export function bareVersion(version: string | undefined): string | undefined {
  return version?.replace(/^v(?=[0-9])/, '');
}
