/** What shows that a guest loads a kernel module early: the modules its initramfs carries. */
import type { Origin } from './origin.js';

/** Module names read from a dracut `drivers` list or a module list file, each with where it is named. */
export interface ModuleEvidence {
  /** The files read, as given. */
  readonly sources: readonly string[];
  /** Keyed by normalised module name (see `moduleName`). */
  readonly modules: ReadonlyMap<string, Origin>;
}

/**
 * The name modprobe matches: the base name without `.ko` and its compression suffix, `-` read as
 * `_` (kmod's modname_normalize), so `kernel/fs/fuse/virtiofs.ko.xz` and `virtiofs` are one module.
 */
export function moduleName(text: string): string {
  const base = text.slice(text.lastIndexOf('/') + 1);
  return base.replace(/\.ko(\.(xz|gz|zst))?$/, '').replaceAll('-', '_');
}
