// Hostile specs end with a diagnostic, in bounded time and memory, and run nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preprocessSpec } from '../../../src/eval/rpm/preprocess-spec.js';
import { tempDir } from '../../helpers/temp-dir.js';

const HEAD = 'Name: hostile\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n';

async function read(text: string, include?: (path: string) => Promise<{ file: string; text: string }>) {
  return preprocessSpec({ file: 'hostile.spec', text }, { arch: 'x86_64' }, include);
}

const codes = (spec: { diagnostics: ReadonlyArray<{ code: string }> }) => [...new Set(spec.diagnostics.map((d) => d.code))].sort();
const chain = (name: string, n: number, body: (k: number) => string) => Array.from({ length: n }, (_, k) => `%define ${name}${k} ${body(k)}`).join('\n');

describe('hostile specs', () => {
  it.each([
    // what, spec text, codes
    ['a macro using itself', `${HEAD}%define a %{a}\n%build\necho %{a}\n`, ['FD121']],
    ['a macro using itself twice', `${HEAD}%define a %{a}%{a}\n%build\necho %{a}\n`, ['FD121']],
    ['an output doubling 40 times', `${HEAD}${chain('a', 41, (k) => (k === 0 ? 'x'.repeat(64) : `%{a${k - 1}}%{a${k - 1}}`))}\n%build\necho %{a40}\n`, ['FD121']],
    ['empty expansions doubling 60 times', `${HEAD}${chain('a', 61, (k) => (k === 0 ? '%{nil}' : `%{a${k - 1}}%{a${k - 1}}`))}\n%build\necho %{a60}\n`, ['FD121']],
    ['a %global doubling 40 times', `${HEAD}${Array.from({ length: 41 }, (_, k) => `%global g${k} ${k === 0 ? 'xxxxxxxx' : `%{g${k - 1}}%{g${k - 1}}`}`).join('\n')}\n`, ['FD121']],
    ['100,000 %if never closed', `${HEAD}%build\n${'%if 1\n'.repeat(100_000)}echo deep\n`, ['FD123']],
    ['an unterminated %{ at the end', `${HEAD}%build\necho %{?foo\n`, ['FD125']],
    ['100,000 nested %{', `${HEAD}%build\necho ${'%{'.repeat(100_000)}\n`, ['FD125']],
    ['%endif without %if', `${HEAD}%build\n%endif\necho after\n`, ['FD123']],
    ['%else twice', `${HEAD}%build\n%if 1\n%else\n%else\n%endif\n`, ['FD123']],
    ['parentheses nested 100,000 deep in %if', `${HEAD}%build\n%if ${'('.repeat(100_000)}1${')'.repeat(100_000)}\necho x\n%endif\n`, ['FD122']],
    ['a bad %if condition', `${HEAD}%build\n%if 1 +\necho x\n%endif\n`, ['FD122']],
    ['bare words in %if', `${HEAD}%build\n%if yes\necho x\n%endif\n`, ['FD122']],
    ['an illegal macro name', `${HEAD}%define 1abc x\n`, ['FD120']],
    ['a macro with an empty body', `${HEAD}%define empty\n`, ['FD120']],
    ['%{error:...}', `${HEAD}%build\necho %{error:stop here}\n`, ['FD120']],
  ])('%s', async (_, text, expected) => {
    expect(codes(await read(text))).toEqual(expected);
  });

  it('reads 100,000 nested %if that are closed without a diagnostic', async () => {
    const spec = await read(`${HEAD}%build\n${'%if 1\n'.repeat(100_000)}echo deep\n${'%endif\n'.repeat(100_000)}`);
    expect(spec.diagnostics).toEqual([]);
    expect(spec.parsed).toContain('echo deep');
  });

  it('reads a 16 MiB line', async () => {
    const spec = await read(`${HEAD}%build\necho ${'a'.repeat(16 * 1024 * 1024)}\n`);
    expect(spec.parsed.length).toBeGreaterThan(16 * 1024 * 1024);
  });

  it('stops an %include of itself at 32 levels', async () => {
    const text = `${HEAD}%include self.inc\n`;
    const spec = await read(text, async (path) => ({ file: path, text: '%include self.inc\n' }));
    expect(codes(spec)).toEqual(['FD124']);
  });

  it('runs no command: %(...), %{lua:} and %{shell ...} leave no trace', async () => {
    const dir = tempDir('flagdiff-canary-');
    const canary = (name: string) => join(dir, name);
    const spec = await read(
      [
        HEAD,
        `%global from_shell %(touch ${canary('shell')})`,
        `%global from_lua %{lua: os.execute("touch ${canary('lua')}")}`,
        '%build',
        `echo %{from_shell} %{from_lua} %(touch ${canary('build')}) %{shell touch ${canary('shell-macro')}}`,
        `%if %(touch ${canary('condition')}; echo 1)`,
        'echo never',
        '%endif',
        `echo %[ lua:run("${canary('expression')}") ]`,
        '',
      ].join('\n'),
    );
    for (const name of ['shell', 'lua', 'build', 'shell-macro', 'condition', 'expression']) expect(existsSync(canary(name)), name).toBe(false);
    expect(codes(spec)).toEqual(['FD320', 'FD321', 'FD323']);
  });

  it('a macro file (--load) is read as statically as the spec: a bomb is stopped, a command is not run, a file ending inside a definition is reported', async () => {
    const dir = tempDir('flagdiff-canary-');
    const bomb = Array.from({ length: 41 }, (_, k) => `%b${k} ${k === 0 ? 'x'.repeat(64) : `%{b${k - 1}}%{b${k - 1}}`}`).join('\n');
    const macroFiles = [{ file: 'distro.macros', text: `${bomb}\n%probe %(touch ${join(dir, 'macro-file')})\n%open %{expand:\n` }];
    const spec = await preprocessSpec({ file: 'hostile.spec', text: `${HEAD}%build\necho %{probe} %{b40}\n` }, { arch: 'x86_64', macroFiles });
    expect(existsSync(join(dir, 'macro-file'))).toBe(false);
    expect(codes(spec)).toEqual(['FD121', 'FD125', 'FD320']);
    expect(spec.diagnostics.find((d) => d.code === 'FD125')).toMatchObject({ file: 'distro.macros', line: 43 });
  });

  it('a macro file that floods definitions is read up to 100,000 of them (FD121), the spec still read', async () => {
    const text = Array.from({ length: 100_005 }, (_, i) => `%m${i} value ${i}`).join('\n');
    const spec = await preprocessSpec({ file: 'hostile.spec', text: `${HEAD}%build\necho %{m99999} %{m100000}\n` }, { arch: 'x86_64', macroFiles: [{ file: 'flood.macros', text }] });
    expect(spec.diagnostics.filter((d) => d.code === 'FD121').map((d) => [d.file, d.line])).toEqual([['flood.macros', 100_001]]);
    expect(spec.sections.find((s) => s.kind === 'build')!.body.text).toContain('echo value 99999 %{m100000}');
  });
});
