/**
 * Which symbols a QEMU tree's meson.build passes to minikconf besides the files, read from its text
 * (never run): QEMU 5.2 lists them in `kconfig_external_symbols = [...]`; 6.x and later build
 * `host_kconfig = (cond ? ['CONFIG_X=y'] : []) + ...`, add every accelerator of the target
 * (`accelerators += 'CONFIG_KVM'`) and `CONFIG_<TARGET_ARCH>=y`, and 10.0 also
 * `CONFIG_TARGET_BIG_ENDIAN=y|n`.
 */
import type { Origin } from '../../model/origin.js';

export interface KconfigInputs {
  /** Host symbols (without `CONFIG_`), passed as `=y` when their feature is usable. */
  readonly host: readonly string[];
  /** Accelerator symbols, passed for the targets they serve. */
  readonly accelerators: readonly string[];
  /** `CONFIG_<TARGET_ARCH>=y` is passed. */
  readonly targetArch: boolean;
  /** `CONFIG_TARGET_BIG_ENDIAN=y|n` is passed. */
  readonly bigEndian: boolean;
  readonly origin: Origin;
}

/** `'CONFIG_X'` in 5.2's list; `'CONFIG_X=y'` in the sum (whose conditions also name `'CONFIG_LINUX'`). */
const LISTED = /'CONFIG_([A-Z0-9_]+)'/g;
const PASSED = /'CONFIG_([A-Z0-9_]+)=y'/g;

/** `undefined` when the text has neither form (a meson.build flagdiff does not know). */
export function readKconfigInputs(text: string, file: string): KconfigInputs | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^(kconfig_external_symbols = \[|host_kconfig = )/.test(l));
  if (start < 0) return undefined;
  const listStyle = lines[start]!.startsWith('kconfig_external_symbols');
  const host: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    for (const m of line.matchAll(listStyle ? LISTED : PASSED)) if (!host.includes(m[1]!)) host.push(m[1]!);
    // The list ends at its `]`; the sum ends at the first line without a continuation.
    if (listStyle ? line.includes(']') : !line.trimEnd().endsWith('\\')) break;
  }
  const accelerators = listStyle ? [] : [...new Set([...text.matchAll(/accelerators \+= 'CONFIG_([A-Z0-9_]+)'/g)].map((m) => m[1]!))];
  return {
    host,
    accelerators,
    targetArch: text.includes("'CONFIG_' + config_target['TARGET_ARCH'].to_upper() + '=y'"),
    bigEndian: text.includes("'CONFIG_TARGET_BIG_ENDIAN='"),
    origin: { file, line: start + 1 },
  };
}
