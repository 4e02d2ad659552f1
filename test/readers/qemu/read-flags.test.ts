import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { readFlags } from '../../../src/readers/qemu/read-flags.js';
import { corpus } from '../../helpers/corpus.js';

describe('readFlags', () => {
  it.each(['x86_64', 'aarch64', 's390x', 'ppc64le'])('reads every option of Kata\'s -d dump for %s with its tags', (arch) => {
    const file = corpus(`qemu/kata-flags/kata-qemu-11.0.1-static-${arch}.dump`);
    const text = readFileSync(file, 'utf8');
    const build = readFlags(text, file);
    // Expected: the dump's lines of the form "tags<TAB>option" (grep -c -P '^[a-z,]+\t' on the file).
    const lines = text.split('\n').filter((l) => /^[a-z,]+\t/.test(l));
    expect(build.argv).toHaveLength(lines.length);
    expect(build.tool).toBe('configure');
    const cflags = build.argv.find((a) => a.text.startsWith('--extra-cflags='))!;
    expect(cflags.tags).toEqual(['functionality', 'security', 'speed', 'size']);
    expect(cflags.text).not.toContain('"');
  });

  // [text, words, tool]
  it.each([
    ['--enable-kvm --disable-xen\n', ['--enable-kvm', '--disable-xen'], 'configure'],
    ['# comment\n--enable-kvm \\\n  --target-list="x86_64-softmmu"\n', ['--enable-kvm', '--target-list=x86_64-softmmu'], 'configure'],
    ['-Dvhost_user=enabled\n-Dkvm=enabled\n', ['-Dvhost_user=enabled', '-Dkvm=enabled'], 'meson'],
  ])('%j', (text, words, tool) => {
    const build = readFlags(text, 'f');
    expect(build.argv.map((a) => a.text)).toEqual(words);
    expect(build.tool).toBe(tool);
  });

  it('keeps the file line of each word', () => {
    expect(readFlags('# header\n\n--a\n--b', 'f').argv.map((a) => a.origin.line)).toEqual([3, 4]);
  });

  it.each([[''], ['# only a comment\n']])('refuses %j with FD176', (text) => {
    expect(() => readFlags(text, 'f')).toThrow(InputError);
  });
});
