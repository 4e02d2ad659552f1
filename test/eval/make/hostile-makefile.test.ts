/** Makefiles that would make an evaluator loop, blow up or trust them: each ends with a diagnostic, quickly. */
import { describe, expect, it } from 'vitest';
import { evaluateMakefile } from '../../../src/eval/make/evaluate-makefile.js';

const evaluate = (text: string) =>
  evaluateMakefile(text, { file: 'Makefile', include: () => ({ unread: 'not in this test' }), shell: () => undefined });

describe('hostile makefiles', () => {
  it('a value that doubles forty times stops at the bound on work', () => {
    const lines = ['A0 = x'];
    for (let i = 1; i <= 40; i++) lines.push(`A${i} = $(A${i - 1})$(A${i - 1})`);
    lines.push('B := $(A40)');
    const started = performance.now();
    const makefile = evaluate(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(makefile.diagnostics.map((d) => d.code)).toContain('FD304');
    expect(makefile.variables.get('B')!.value.text.length).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('a variable that uses itself is reported, as make stops there', () => {
    const makefile = evaluate('A = $(B) x\nB = $(A)\nall: ; echo $(A)\n');
    const recipe = makefile.expandRecipe(makefile.rules.get('all')!);
    expect(recipe[0]!.text).toBe('echo  x');
    expect(makefile.diagnostics.map((d) => d.code)).toEqual(['FD325']);
    expect(makefile.diagnostics[0]!.message).toMatch(/refers to itself/);
  });

  it('an eval that evaluates itself stops at the bound on nesting', () => {
    const makefile = evaluate('define loop\n$(eval $(value loop))\nendef\n$(eval $(value loop))\nAFTER = read\n');
    expect(makefile.diagnostics.map((d) => d.code)).toContain('FD304');
    expect(makefile.variables.get('AFTER')?.value.text).toBe('read');
  });

  it('references nested 200,000 deep end at the bound on nesting, not in a stack overflow', () => {
    const depth = 200_000;
    const makefile = evaluate(`A := ${'$(x'.repeat(depth)}${')'.repeat(depth)}\n`);
    expect(makefile.diagnostics.map((d) => [d.code, d.line])).toEqual([['FD304', 1]]);
    expect(makefile.diagnostics[0]!.message).toMatch(/nest deeper than/);
  });

  it('100,000 nested conditionals are read in one pass over the lines', () => {
    const depth = 100_000;
    const started = performance.now();
    const makefile = evaluate(`${'ifeq (1,1)\n'.repeat(depth)}INSIDE = yes\n${'endif\n'.repeat(depth)}`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(makefile.expandVariable('INSIDE').text).toBe('yes');
    expect(makefile.diagnostics).toEqual([]);
  });

  it('$(error ...) stops the reading, as it stops make', () => {
    const makefile = evaluate('BEFORE = 1\n$(error stop here)\nAFTER = 2\n');
    expect(makefile.variables.has('BEFORE')).toBe(true);
    expect(makefile.variables.has('AFTER')).toBe(false);
    expect(makefile.diagnostics).toEqual([expect.objectContaining({ code: 'FD325', line: 2 })]);
  });

  it('broken syntax is reported at its line: an open reference, a stray endif, a missing endif, a missing separator', () => {
    const makefile = evaluate('A = $(oops\nendif\nnot a rule\nifeq (1,1)\nB = 1\n');
    // A's open reference is found when A is used, as in make.
    expect(makefile.expandVariable('A').text).toBe('');
    expect(makefile.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['FD325', 2],
      ['FD325', 3],
      ['FD325', 0],
      ['FD325', 1],
    ]);
  });

  it('runs no command: $(shell ...) and != are unknown values, each reported', () => {
    const makefile = evaluate('A := $(shell touch /tmp/flagdiff-make-canary)\nB != echo hi\n');
    expect(makefile.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['FD324', 1],
      ['FD324', 2],
    ]);
    expect(makefile.unknowns).toHaveLength(2);
  });

  it('a command the caller knows to be unknowable stays unknown, with its reason and no FD324', () => {
    const shell = (command: string) => (command.startsWith('dpkg-buildflags') ? { unknown: 'the build machine decides' } : undefined);
    const makefile = evaluateMakefile('CFLAGS := $(shell dpkg-buildflags --get CFLAGS)\nX := $(shell uname)\n', { file: 'Makefile', include: () => ({ unread: 'no' }), shell });
    expect(makefile.diagnostics.map((d) => [d.code, d.line])).toEqual([['FD324', 2]]);
    expect(makefile.unknowns).toEqual(['the build machine decides', '$(shell uname) is a command; flagdiff does not run it']);
    expect(makefile.expandVariable('CFLAGS').spans.map((s) => s.mark)).toEqual([{ kind: 'unknown', reason: 'the build machine decides' }]);
  });
});
