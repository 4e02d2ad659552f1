/** One effective setting of a configuration, and every assignment that led to it. */
import type { Origin } from './origin.js';

/** A value written at a place. */
export interface Assignment {
  /**
   * The value as the format writes it. Kernel: `y`, `m`, `n` (also for `# CONFIG_X is not set`),
   * a quoted string `"..."`, a decimal or `0x` hex number.
   */
  readonly value: string;
  readonly origin: Origin;
}

/** The last writer wins; `writers` keeps the assignments it overrode, oldest first. */
export interface Setting extends Assignment {
  /** `CONFIG_VIRTIO_FS`, or a QEMU option name. */
  readonly key: string;
  readonly writers?: readonly Assignment[];
}
