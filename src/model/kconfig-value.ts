/**
 * Kconfig values as a `.config` writes them (scripts/kconfig/confdata.c): `y`, `m`, `n`, a quoted
 * string with `\"` and `\\` escapes, a decimal int, or a hex number. Anything else is `invalid`:
 * Kconfig would read only its first character for a bool or tristate, and drop it for the others.
 */

export type KconfigValue =
  | { readonly type: 'tristate'; readonly value: 'n' | 'm' | 'y' }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'int' | 'hex'; readonly value: bigint }
  | { readonly type: 'invalid'; readonly value: string };

const INT = /^-?[0-9]+$/;
const HEX = /^0[xX][0-9a-fA-F]+$/;
const QUOTED = /^"((?:[^"\\]|\\.)*)"$/s;

/** The three tristates, shared: most values are one of them. */
const TRISTATES = { y: { type: 'tristate', value: 'y' }, m: { type: 'tristate', value: 'm' }, n: { type: 'tristate', value: 'n' } } as const;

export function parseKconfigValue(raw: string): KconfigValue {
  if (raw === 'y' || raw === 'm' || raw === 'n') return TRISTATES[raw];
  if (INT.test(raw)) return { type: 'int', value: BigInt(raw) };
  if (HEX.test(raw)) return { type: 'hex', value: BigInt(raw) };
  const quoted = QUOTED.exec(raw);
  if (quoted) return { type: 'string', value: (quoted[1] as string).replace(/\\(.)/gs, '$1') };
  return { type: 'invalid', value: raw };
}

/** n 0, m 1, y 2: the tristate algebra's order (kconfig-language.rst). */
export function tristateRank(value: 'n' | 'm' | 'y'): number {
  return value === 'n' ? 0 : value === 'm' ? 1 : 2;
}

/** Whether two written values mean the same: numbers by value (`0x10` = `16`), the rest as written. */
export function sameKconfigValue(a: KconfigValue, b: KconfigValue): boolean {
  const numeric = (v: KconfigValue) => v.type === 'int' || v.type === 'hex';
  if (numeric(a) && numeric(b)) return a.value === b.value;
  return a.type === b.type && a.value === b.value;
}
