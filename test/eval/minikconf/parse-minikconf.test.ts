import { describe, expect, it } from 'vitest';
import { formatExpr } from '../../../src/eval/minikconf/kconfig-syntax.js';
import { parseMinikconf } from '../../../src/eval/minikconf/parse-minikconf.js';
import { minikconfScript, qemu72Missing, runMinikconf, textFile } from '../../helpers/minikconf.js';

describe('parseMinikconf', () => {
  it('reads declarations, properties, assignments and sources with their lines', () => {
    const parsed = parseMinikconf(
      '# a comment\nconfig VIRTIO_9P\n    bool\n    default y\n    depends on VIRTFS && VIRTIO\n    select FSDEV_9P\n\nconfig Q35\n    imply VTD if PCI\nCONFIG_Q35=y # boards\ninclude ../i386-softmmu/default.mak\n',
      'f',
    );
    expect(parsed.error).toBeUndefined();
    expect(parsed.declarations.map((d) => [d.name, d.origin.line])).toEqual([['VIRTIO_9P', 2], ['Q35', 8]]);
    expect(parsed.items.map((i) => [i.kind, i.kind === 'source' ? i.path : i.symbol, i.origin.line])).toEqual([
      ['default', 'VIRTIO_9P', 4],
      ['depends', 'VIRTIO_9P', 5],
      ['select', 'FSDEV_9P', 6],
      ['imply', 'VTD', 9],
      ['assign', 'Q35', 10],
      ['source', '../i386-softmmu/default.mak', 11],
    ]);
  });

  // [expression as written, as minikconf groups it]: `||` binds tighter than `&&`, `!` tightest
  it.each([
    ['A && B || C', 'A && (B || C)'],
    ['A || B && C', '(A || B) && C'],
    ['!A && (B && C)', '!A && B && C'],
    ['!(A || B)', '!(A || B)'],
  ])('groups %s as %s', (written, grouped) => {
    const item = parseMinikconf(`config X\n depends on ${written}\n`, 'f').items[0]!;
    expect(item.kind === 'depends' && formatExpr(item.expr)).toBe(grouped);
  });

  it('takes the rest of the line as an include path, trailing text and all, as minikconf does', () => {
    const item = parseMinikconf('include  other.mak # note\n', 'f').items[0]!;
    expect(item.kind === 'source' && item.path).toBe('other.mak # note');
  });

  it('keeps keywords apart from identifiers that start with them', () => {
    const parsed = parseMinikconf('config ONLY\nconfig default_x\nCONFIG_IF=y\n', 'f');
    expect(parsed.error).toBeUndefined();
    expect(parsed.declarations.map((d) => d.name)).toEqual(['ONLY', 'default_x']);
  });

  it('stops deep nesting instead of exhausting the stack', () => {
    expect(parseMinikconf(`config X\n depends on ${'('.repeat(5000)}A\n`, 'f').error?.message).toContain('nested more than');
    expect(parseMinikconf(`config X\n depends on ${Array.from({ length: 100_000 }, (_, i) => `A${i}`).join(' && ')}\n`, 'f').error?.message).toContain('more than 500 operands');
  });
});

// [text, line of the error, message]: what minikconf.py stops on, at the line it names
const ERRORS: ReadonlyArray<readonly [string, number, string]> = [
  ['config A\n default y if (B\nconfig B\n', 3, 'Expected ")" before "config"'],
  ['CONFIG_A=$(CONFIG_KVM)\n', 1, 'invalid input before "$"'],
  ['CONFIG_A=yes\n', 1, 'Expected "y" or "n" before identifier'],
  ['VIRTIO=y\n', 1, 'Expected identifier starting with "CONFIG_"'],
  ['config A\n depends B\n', 2, 'Expected "on" before identifier'],
  ['config A\n bool\n help\n', 3, 'Expected identifier starting with "CONFIG_"'],
  ['CONFIG_A y\n', 1, 'Expected "=" before "y"'],
];

describe('parseMinikconf errors', () => {
  it.each(ERRORS)('%j stops at line %i', (text, line, message) => {
    const parsed = parseMinikconf(text, 'f');
    expect(parsed.error?.origin.line).toBe(line);
    expect(parsed.error?.message).toContain(message.split(' before')[0]);
  });

  it('accepts the negative twins', () => {
    for (const text of ['config A\n default y if (B)\nconfig B\n', 'CONFIG_A=y\n', 'config A\n depends on B\nconfig B\n']) expect(parseMinikconf(text, 'f').error).toBeUndefined();
  });
});

describe.skipIf(!minikconfScript)(`parse errors against minikconf.py${minikconfScript ? '' : ` (skipped: ${qemu72Missing})`}`, () => {
  it.each(ERRORS)('%j', (text, line, message) => {
    const file = textFile(text);
    const oracle = runMinikconf('defconfig', [file]);
    expect(oracle.ok).toBe(false);
    expect(oracle.stderr).toContain(`${file}:${line}:`);
    expect(oracle.stderr).toContain(message);
    expect(parseMinikconf(text, file).error?.message).toContain(message);
  });
});
