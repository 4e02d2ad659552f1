// Every character of the expanded spec knows where it was written and which macros it came
// through. Expected lines are found in the fixture text itself (the line that holds the word).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preprocessSpec } from '../../../src/eval/rpm/preprocess-spec.js';
import { originAt } from '../../../src/eval/rpm/spanned-text.js';
import { fixture } from '../../helpers/corpus.js';

async function build(name: string, arch = 'x86_64', defines: ReadonlyArray<readonly [string, string]> = []) {
  const file = fixture(`rpm/${name}`);
  const text = readFileSync(file, 'utf8');
  const spec = await preprocessSpec({ file, text }, { arch, defines: [['_sourcedir', dirname(file)], ...defines] }, async (path) => ({ file: path, text: readFileSync(path, 'utf8') }));
  const body = spec.sections.find((s) => s.kind === 'build')!.body;
  return { body, lineOf: (what: string, after = 0) => text.split('\n').findIndex((line, i) => i >= after && line.includes(what)) + 1, file };
}

/** The origin of the first occurrence of `what` in the %build text, after `after` if given. */
function originOf(body: { text: string }, what: string, after?: string) {
  const at = body.text.indexOf(what, after ? body.text.indexOf(after) : 0);
  expect(at, `"${what}" in %build`).toBeGreaterThanOrEqual(0);
  return originAt(body as never, at);
}

describe('origins', () => {
  it('gives a word of a multi-line macro its own line, and the use of the macro as via', async () => {
    const { body, lineOf, file } = await build('fedora-like.spec');
    expect(originOf(body, '--disable-tcg')).toEqual({
      file,
      line: lineOf('  --disable-tcg'),
      via: [{ file, line: lineOf('        %{disable_everything} \\'), name: '%{disable_everything}' }],
    });
  });

  it('follows a %global through the macros it was built from, outermost use first', async () => {
    const { body, lineOf, file } = await build('rhel-like.spec');
    const use = lineOf('  --target-list="%{target_list}"');
    expect(originOf(body, 'x86_64', '--target-list=')).toEqual({
      file,
      line: lineOf('%global kvm_target    x86_64'),
      via: [
        { file, line: use, name: '%{target_list}' },
        { file, line: lineOf('%global target_list %{kvm_target}-softmmu'), name: '%{kvm_target}' },
      ],
    });
    expect(originOf(body, '-softmmu', '--target-list=')).toEqual({ file, line: lineOf('%global target_list'), via: [{ file, line: use, name: '%{target_list}' }] });
  });

  it('places text of a %global made inside %build where it was defined', async () => {
    const { body, lineOf, file } = await build('mini-like.spec');
    expect(originOf(body, '--enable-spice')).toEqual({
      file,
      line: lineOf('    %global spiceflag --enable-spice'),
      via: [{ file, line: lineOf('    %{spiceflag} \\'), name: '%{spiceflag}' }],
    });
  });

  it('gives text from rpm\'s own macros the line that uses them', async () => {
    const { body, lineOf, file } = await build('fedora-like.spec');
    expect(originOf(body, '/usr/lib64')).toEqual({ file, line: lineOf('--libdir="%{_libdir}"') });
  });

  it('names the %include\'d file for what it defines', async () => {
    const { body, file } = await build('suse-like/qemu.spec');
    const inc = `${dirname(file)}/common.inc`;
    const incLines = readFileSync(inc, 'utf8').split('\n');
    const origin = originOf(body, '--disable-alsa');
    expect(origin).toMatchObject({ file: inc, line: incLines.findIndex((l) => l.includes('--disable-alsa')) + 1 });
    expect(origin!.via).toEqual([{ file, line: readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('%{disable_everything} \\')) + 1, name: '%{disable_everything}' }]);
  });

  it('keeps the line of each physical line of a continued command', async () => {
    const { body, lineOf, file } = await build('fedora-like.spec', 'aarch64');
    expect(originOf(body, '--enable-zstd')).toEqual({ file, line: lineOf('  --enable-zstd') });
    expect(originOf(body, '--enable-vte')).toEqual({ file, line: lineOf('  --enable-vte') });
  });
});
