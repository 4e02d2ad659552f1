import { describe, expect, it } from 'vitest';
import { evaluateMinikconf } from '../../../src/eval/minikconf/evaluate-minikconf.js';
import type { KconfigEvaluation, MinikconfMode } from '../../../src/eval/minikconf/evaluate-minikconf.js';
import type { Clause } from '../../../src/eval/minikconf/kconfig-syntax.js';
import { parseMinikconf } from '../../../src/eval/minikconf/parse-minikconf.js';
import { minikconfScript, qemu72Missing, runMinikconf, textFile } from '../../helpers/minikconf.js';

function evaluate(text: string, mode: MinikconfMode, external: readonly Clause[] = []): KconfigEvaluation {
  const parsed = parseMinikconf(text, 'Kconfig');
  return evaluateMinikconf({ clauses: [...parsed.items.filter((i) => i.kind !== 'source') as Clause[], ...external], declarations: parsed.declarations, references: parsed.references }, mode);
}
const on = (e: KconfigEvaluation) => [...e.values].filter(([, s]) => s.value === 'y').map(([k]) => k).sort();
const failed = (e: KconfigEvaluation) => e.contradictions.some((c) => c.certain) || e.undefined.length > 0 || e.cycles.length > 0;

// [case, program, mode, symbols that are y]: each expectation follows minikconf.py's semantics and is
// checked against minikconf.py itself on the same text when the QEMU tree is there.
const CASES: ReadonlyArray<readonly [string, string, MinikconfMode, readonly string[]]> = [
  ['default y with its dependency met', 'config A\n default y\nconfig B\n default y\n depends on A\n', 'defconfig', ['A', 'B']],
  ['allnoconfig turns every default off', 'config A\n default y\nconfig B\n default y\n depends on A\n', 'allnoconfig', []],
  ['select still applies under allnoconfig', 'config A\n bool\nconfig B\n select A\nCONFIG_B=y\n', 'allnoconfig', ['A', 'B']],
  ['imply is a default: on under defconfig', 'config A\nconfig B\n imply A\nCONFIG_B=y\n', 'defconfig', ['A', 'B']],
  ['imply is a default: dropped under allnoconfig', 'config A\nconfig B\n imply A\nCONFIG_B=y\n', 'allnoconfig', ['B']],
  ['|| binds tighter than &&: A && (B || C) is n when A is n', 'config A\nconfig B\nconfig C\nconfig D\n default y if A && B || C\nCONFIG_C=y\n', 'defconfig', ['C']],
  ['the first default whose condition holds wins', 'config A\n default n if B\n default y\nconfig B\nCONFIG_B=y\n', 'defconfig', ['B']],
  ['... and the next one when it does not', 'config A\n default n if B\n default y\nconfig B\n', 'defconfig', ['A']],
  ['select with a condition beats default n', 'config A\n default n\nconfig B\n select A if C\nconfig C\nCONFIG_B=y\nCONFIG_C=y\n', 'defconfig', ['A', 'B', 'C']],
  ['negation', 'config A\n default y if !B\nconfig B\n', 'defconfig', ['A']],
  ['an assignment n beats default y', 'config A\n default y\nCONFIG_A=n\n', 'defconfig', []],
  ['an unmet dependency beats default y', 'config A\n default y\n depends on B\nconfig B\n', 'defconfig', []],
];

// [case, program]: minikconf stops (contradiction, undefined symbol, cycle); the negative twins of the above
const FAILURES: ReadonlyArray<readonly [string, string]> = [
  ['assigned y against an unmet dependency', 'config A\n depends on B\nconfig B\nCONFIG_A=y\n'],
  ['selected against an unmet dependency', 'config A\n depends on B\nconfig B\nconfig C\n select A\nCONFIG_C=y\n'],
  ['assigned both y and n', 'config A\nCONFIG_A=y\nCONFIG_A=n\n'],
  ['an undeclared symbol', 'config A\n depends on NOPE\n'],
  ['a dependency cycle', 'config A\n default y\n depends on B\nconfig B\n default y\n depends on A\n'],
];

describe('evaluateMinikconf', () => {
  it.each(CASES)('%s', (_, text, mode, expected) => {
    const ours = evaluate(text, mode);
    expect(failed(ours)).toBe(false);
    expect(on(ours)).toEqual(expected);
  });

  it.each(FAILURES)('stops on %s', (_, text) => {
    expect(failed(evaluate(text, 'defconfig'))).toBe(true);
  });

  it('keeps why each symbol has its value', () => {
    const ours = evaluate('config A\n default y\n depends on B\nconfig B\nconfig C\n default y\nconfig D\n select C\n', 'allnoconfig');
    expect(ours.values.get('A')?.decision).toMatchObject({ kind: 'clause', clause: { kind: 'depends', origin: { line: 3 } } });
    expect(ours.values.get('C')?.decision).toMatchObject({ kind: 'no-default', dropped: { kind: 'default', origin: { line: 6 } } });
  });

  it('evaluates a chain of 20,000 dependencies without exhausting the stack', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `config S${i}\n default y${i ? `\n depends on S${i - 1}` : ''}\n`).join('');
    expect(evaluate(text, 'defconfig').values.get('S19999')?.value).toBe('y');
  });
});

describe.skipIf(!minikconfScript)(`evaluateMinikconf against minikconf.py${minikconfScript ? '' : ` (skipped: ${qemu72Missing})`}`, () => {
  it.each(CASES)('%s', (_, text, mode, expected) => {
    const oracle = runMinikconf(mode, [textFile(text)]);
    expect(oracle.ok).toBe(true);
    expect(oracle.symbols).toEqual(expected);
  });

  it.each(FAILURES)('stops on %s', (_, text) => {
    const oracle = runMinikconf('defconfig', [textFile(text)]);
    expect(oracle.ok).toBe(false);
    expect(oracle.stderr).toMatch(/contradiction between clauses|undefined symbol|cycle found/);
  });

  // [program, inputs the build machine decides]: a known value must be the oracle's in every world;
  // where the worlds differ the value must be unknown.
  it.each([
    ['config VIRTFS\nconfig VIRTIO\n default y\nconfig FSDEV_9P\n depends on VIRTFS\nconfig VIRTIO_9P\n default y\n depends on VIRTFS && VIRTIO\n select FSDEV_9P\n', ['VIRTFS']],
    ['config SPICE\nconfig QXL\n default y if SPICE\nconfig VGA\n default y if !QXL\nconfig BOCHS\n default y if VGA && VIRTIO\nconfig VIRTIO\n', ['SPICE']],
    ['config X\nconfig Y\nconfig Z\n default y if X && Y\nconfig W\n default y if X || Y\nconfig V\n default y if X || !X\n', ['X', 'Y']],
  ] as ReadonlyArray<readonly [string, readonly string[]]>)('is sound with unknown inputs: %j', (text, unknown) => {
    const ours = evaluate(text, 'defconfig', unknown.map(maybe));
    const worlds = subsets(unknown).map((set) => runMinikconf('defconfig', [textFile(text), ...set.map((s) => `CONFIG_${s}=y`)]));
    expect(worlds.every((w) => w.ok)).toBe(true);
    for (const [name, state] of ours.values) {
      if (unknown.includes(name)) continue;
      const values = new Set(worlds.map((w) => (w.symbols.includes(name) ? 'y' : 'n')));
      if (values.size > 1) expect([name, state.value]).toEqual([name, 'unknown']);
      else if (state.value !== 'unknown') expect([name, state.value]).toEqual([name, [...values][0]]);
    }
  });

  it('loses correlations between unknown inputs, as Kleene logic does: X || !X stays unknown', () => {
    const text = 'config X\nconfig V\n default y if X || !X\n';
    expect(evaluate(text, 'defconfig', [maybe('X')]).values.get('V')?.value).toBe('unknown');
    expect([runMinikconf('defconfig', [textFile(text)]).symbols, runMinikconf('defconfig', [textFile(text), 'CONFIG_X=y']).symbols]).toEqual([['V'], ['V']]);
  });
});

const maybe = (symbol: string): Clause => ({ kind: 'assign', symbol, value: true, maybe: true, external: 'test', origin: { file: 'test', line: 0 } });

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);
}
