import { describe, expect, it } from 'vitest';
import { parseKconfigValue, sameKconfigValue } from '../../src/model/kconfig-value.js';

describe('parseKconfigValue', () => {
  it.each([
    // as written, type, value
    ['y', 'tristate', 'y'],
    ['m', 'tristate', 'm'],
    ['n', 'tristate', 'n'],
    ['240', 'int', 240n],
    ['-1', 'int', -1n],
    ['0x1000000', 'hex', 0x1000000n],
    ['0XfF', 'hex', 255n],
    ['""', 'string', ''],
    ['"a \\"b\\" \\\\ c"', 'string', 'a "b" \\ c'],
  ])('%s is %s %s', (raw, type, value) => {
    expect(parseKconfigValue(raw)).toEqual({ type, value });
  });

  it.each([
    // invalid: not what a .config writer produces
    ['yes'],
    [''],
    ['"open'],
    ['"a" trailing'],
    ['y '],
    ['0x'],
    ['1.5'],
  ])('%j is invalid', (raw) => {
    expect(parseKconfigValue(raw).type).toBe('invalid');
  });
});

describe('sameKconfigValue', () => {
  const same = (a: string, b: string) => sameKconfigValue(parseKconfigValue(a), parseKconfigValue(b));
  it.each([
    ['16', '0x10', true],
    ['0x10', '0X0010', true],
    ['"16"', '16', false],
    ['y', '"y"', false],
    ['"a"', '"a"', true],
    ['"a"', '"b"', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(same(a, b)).toBe(expected);
  });
});
