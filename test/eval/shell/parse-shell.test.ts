// The parser against bash's own syntax check (`bash -n`): each script (written for this test) is valid
// or invalid for both, at the same line; valid ones then have the shape the evaluator relies on.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../../src/eval/shell/parse-shell.js';
import { bash } from '../../helpers/bash-oracle.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** The line bash -n reports a syntax error at, or null. */
function bashSyntaxError(script: string): number | null {
  const file = join(tempDir('flagdiff-sh-'), 'fixture.sh');
  writeFileSync(file, script);
  const run = spawnSync(bash.path!, ['-n', file], { encoding: 'utf8', env: {} });
  const line = /line (\d+):/.exec(run.stderr)?.[1];
  return run.status === 0 ? null : Number(line);
}

describe.skipIf(!bash.path)(`syntax errors, as bash -n finds them${bash.path ? '' : ` (skipped: ${bash.missing})`}`, () => {
  it.each([
    // script: each invalid one next to its valid twin
    'echo ok\nif then\n  echo never\nfi',
    'echo ok\nif true; then\n  echo yes\nfi',
    'f() {\n  echo a\n',
    'f() {\n  echo a\n}',
    'case x in\n  a) echo;;\n',
    'case x in\n  a) echo;;\nesac',
    'a=(one\n  two\n',
    'a=(one\n  two\n)',
    'echo "unterminated\n',
    'echo "terminated"\n',
    'while true; do\ndone',
    'while true; do :; done',
    'cat <<EOF\nbody\n',
    'cat <<EOF\nbody\nEOF\n',
    'x=$(echo (\n',
    'x=$(echo \\()\n',
    'for x in a b; echo $x; done',
    'for x in a b; do echo $x; done',
    '[[ a == b\n',
    '[[ a == b ]]\n',
  ])('%j', (script) => {
    const expected = bashSyntaxError(script);
    const { errors } = parseShell(script, 'fixture.sh');
    expect(errors[0]?.line ?? null).toBe(expected);
  });
});

describe('the tree', () => {
  it('reads tag:option array appends, quoted and unquoted, as configure-hypervisor.sh writes them', () => {
    const script = parseShell('opts+=(size:--disable-x)\nopts+=(arch:"--target-list=${arch}-softmmu")\n', 'f');
    const [first, second] = script.commands;
    expect(first).toMatchObject({ kind: 'simple', assignments: [{ name: 'opts', append: true, array: [{ value: { parts: [{ kind: 'literal', text: 'size:--disable-x' }] } }] }] });
    expect(second).toMatchObject({ line: 2, assignments: [{ array: [{ value: { parts: [{ text: 'arch:' }, { text: '--target-list=' }, { kind: 'param', param: { name: 'arch' } }, { text: '-softmmu' }] } }] }] });
  });

  it('gives each line of a multi-line single-quoted string its own line number', () => {
    const [command] = parseShell("DEVS='\nCONFIG_A=y\nCONFIG_B=y\n'", 'f').commands;
    const parts = command?.kind === 'simple' ? command.assignments[0]!.value!.parts : [];
    expect(parts.map((p) => [p.kind === 'literal' ? p.text : '', p.line])).toEqual([['\n', 1], ['CONFIG_A=y\n', 2], ['CONFIG_B=y\n', 3]]);
  });

  it('parses declaration arguments as assignments', () => {
    const [command] = parseShell('local -a list=(a b) name=x other', 'f').commands;
    expect(command?.kind === 'simple' && [...command.assignArgs!.entries()].map(([i, a]) => [i, a.name, a.array ? 'array' : 'scalar'])).toEqual([
      [2, 'list', 'array'],
      [3, 'name', 'scalar'],
    ]);
  });
});
