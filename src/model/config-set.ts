/** A normalised configuration: settings keyed by name, with what is known about where they came from. */
import type { Diagnostic } from './diagnostic.js';
import type { Setting } from './setting.js';

export type Domain = 'kernel' | 'qemu';

/**
 * How complete a kernel configuration is, which decides what an absent symbol means:
 * - `full`: a `make *config` output; absent means not written (unmet dependencies, or no such symbol).
 * - `partial`: a distro's source config (Fedora dist-git); derived symbols are absent without meaning anything.
 * - `fragment`: a hand-written list of wishes, merged into a base config at build time.
 */
export type ConfigShape = 'full' | 'partial' | 'fragment';

export interface ConfigMeta {
  /** What was read: a path, `-` for stdin, or a profile name. */
  readonly source: string;
  /** uname name (`x86_64`, `aarch64`, ...) when the input says or implies it. */
  readonly arch?: string;
  /** The architecture exactly as the input names it (`x86` in `# Linux/x86 6.12.117 ...`). */
  readonly declaredArch?: string;
  /** Kernel or QEMU version when the input says it. */
  readonly version?: string;
  readonly shape?: ConfigShape;
  /** For a distro tree: the variant or flavour it was evaluated for (`x86_64-debug-fedora`, `amd64_none_cloud-amd64`). */
  readonly variant?: string;
  /** For a distro tree: every file merged, in merge order (the last writer wins). */
  readonly files?: readonly string[];
}

export interface ConfigSet {
  readonly domain: Domain;
  /** Keyed by setting name, in the order each key was first written. */
  readonly settings: ReadonlyMap<string, Setting>;
  readonly meta: ConfigMeta;
  readonly diagnostics: readonly Diagnostic[];
}
