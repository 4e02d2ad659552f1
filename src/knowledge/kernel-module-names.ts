/**
 * Which module a tristate symbol builds when set to `m`, for the symbols Kata asks for: read from
 * the kernel's kbuild files (`obj-$(CONFIG_X) += name.o`) by scripts/generate-module-names.mjs.
 */
import data from './kernel-modules.json' with { type: 'json' };

const SYMBOLS: Readonly<Record<string, readonly string[]>> = data.symbols;

/** Module names (`-` written `_`) of `CONFIG_X`, or undefined when the symbol builds none flagdiff knows. */
export function kernelModuleNames(key: string): readonly string[] | undefined {
  return Object.hasOwn(SYMBOLS, key) ? SYMBOLS[key] : undefined;
}

/** The kernel tree the names were read from. */
export const KERNEL_MODULES_SOURCE: string = data.source;
