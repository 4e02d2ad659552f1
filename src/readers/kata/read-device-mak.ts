/**
 * QEMU device configuration files (`configs/devices/<target>/*.mak`, before QEMU 6.0
 * `default-configs/<target>.mak`), as QEMU's meson.build and scripts/minikconf.py read them:
 * `CONFIG_X=y` or `=n`, `include FILE`, `#` comments and blank lines.
 */

export interface DeviceMak {
  /** `[key, value, line]` in file order. */
  readonly entries: ReadonlyArray<readonly [string, string, number]>;
  /** `include FILE` lines: `[file, line]`. */
  readonly includes: ReadonlyArray<readonly [string, number]>;
  /** Lines that are none of these, which minikconf rejects. */
  readonly unexpected: readonly number[];
}

export function readDeviceMak(text: string): DeviceMak {
  const entries: [string, string, number][] = [];
  const includes: [string, number][] = [];
  const unexpected: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const setting = /^(CONFIG_[A-Za-z0-9_]+)=([yn])$/.exec(line);
    const include = /^include\s+(\S+)$/.exec(line);
    if (setting) entries.push([setting[1]!, setting[2]!, i + 1]);
    else if (include) includes.push([include[1]!, i + 1]);
    else unexpected.push(i + 1);
  });
  return { entries, includes, unexpected };
}
