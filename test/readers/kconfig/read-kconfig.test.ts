import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { readKconfig } from '../../../src/readers/kconfig/read-kconfig.js';
import { DEBIAN_AMD64, DEBIAN_CLOUD, FEDORA_X86, corpus, fixture } from '../../helpers/corpus.js';

const read = (path: string) => readKconfig(readFileSync(path, 'utf8'), path);
const values = (text: string) => Object.fromEntries([...readKconfig(text, 'f').settings.values()].map((s) => [s.key, s.value]));

describe('readKconfig on a generated full config', () => {
  const set = read(fixture('kernel/guest-6.12.config'));

  it('keeps the header arch and version as metadata', () => {
    expect(set.meta).toMatchObject({ shape: 'full', declaredArch: 'x86', arch: 'x86_64', version: '6.12.40' });
  });

  it.each([
    // key, value as written, line
    ['CONFIG_CC_VERSION_TEXT', '"gcc (Example 12.2.0) 12.2.0"', 5],
    ['CONFIG_LOCALVERSION', '""', 10],
    ['CONFIG_LOCALVERSION_AUTO', 'n', 11],
    ['CONFIG_NR_CPUS', '8192', 16],
    ['CONFIG_PHYSICAL_START', '0x1000000', 17],
    ['CONFIG_CMDLINE', '"console=hvc0 root=/dev/vda1 \\"quoted\\" \\\\ back"', 18],
    ['CONFIG_VIRTIO_BLK', 'm', 26],
    ['CONFIG_VIRTIO_MMIO', 'n', 29],
    ['CONFIG_MODULES', 'n', 31],
  ])('reads %s as %s at line %i', (key, value, line) => {
    expect(set.settings.get(key)).toEqual({ key, value, origin: { file: fixture('kernel/guest-6.12.config'), line } });
  });

  it('does not take menu comments for settings and reports nothing', () => {
    expect(set.settings.size).toBe(19);
    expect(set.diagnostics).toEqual([]);
  });
});

describe('readKconfig line forms', () => {
  it('reads Fedora dist-git configs as partial, with the arch of line 1', () => {
    expect(read(fixture('kernel/fedora-dist-git.config')).meta).toMatchObject({ shape: 'partial', declaredArch: 'x86_64', arch: 'x86_64' });
  });

  it('treats "# x86_64" after line 1 as a comment', () => {
    expect(readKconfig('CONFIG_A=y\n# x86_64\n', 'f').meta.shape).toBe('fragment');
  });

  it('reads fragments without a header as fragments of unknown arch', () => {
    expect(read(fixture('kernel/wants-base.conf')).meta).toEqual({ source: fixture('kernel/wants-base.conf'), shape: 'fragment' });
  });

  it('strips CRLF line ends as conf_read does', () => {
    expect(values(readFileSync(fixture('kernel/crlf.conf'), 'utf8'))).toEqual({
      CONFIG_VIRTIO: 'y',
      CONFIG_DEBUG_FS: 'n',
      CONFIG_LOCALVERSION: '"-crlf"',
    });
  });

  it('keeps the last character of a file without a final newline (diffconfig loses it)', () => {
    expect(values(readFileSync(fixture('kernel/no-final-newline.conf'), 'utf8'))).toEqual({ CONFIG_LAST_LINE: 'y', CONFIG_NO_NEWLINE: 'm' });
  });

  it.each([
    // line, read as
    ['CONFIG_X=n', 'n'],
    ['# CONFIG_X is not set', 'n'],
    ['CONFIG_X=-5', '-5'],
    ['CONFIG_X=0xFFFF', '0xFFFF'],
  ])('reads %s as %s', (line, value) => {
    expect(values(`${line}\n`)).toEqual({ CONFIG_X: value });
  });

  it.each([
    // lines that are comments, not settings, in conf_read_simple
    ['#CONFIG_X=y'],
    ['#CONFIG_X is not set'],
    ['# CONFIG_X is not set, really'],
    ['# CONFIG_X  is not set'],
  ])('ignores the comment %s', (line) => {
    expect(() => readKconfig(`${line}\n`, 'f')).toThrow(InputError);
  });
});

describe('readKconfig diagnostics', () => {
  const set = read(fixture('kernel/malformed.config'));
  const at = (line: number) => set.diagnostics.filter((d) => d.line === line).map((d) => d.code);

  it.each([
    // line, codes
    [3, ['FD101']], // CONFIG_SECURITY_LOCKDOWN: no "="
    [4, ['FD101']], // indented
    [5, ['FD101']], // no CONFIG_ prefix
    [6, ['FD101']], // "-" in the name
    [7, ['FD103']], // yes
    [8, ['FD103']], // unterminated string
    [9, []], // commented-out assignment
    [10, []], // "# CONFIG_SPACED  is not set" is a comment
    [11, ['FD102']], // CONFIG_VIRTIO again
    [12, ['FD103']], // empty value
  ])('line %i gives %j', (line, codes) => {
    expect(at(line)).toEqual(codes);
  });

  it('names the file and line, and quotes the line', () => {
    expect(set.diagnostics[0]).toEqual({
      code: 'FD101',
      level: 'warning',
      message: 'unexpected line "CONFIG_SECURITY_LOCKDOWN": no "=" and no value',
      file: fixture('kernel/malformed.config'),
      line: 3,
    });
  });

  it('lets the last writer win and keeps the earlier one', () => {
    expect(set.settings.get('CONFIG_VIRTIO')).toMatchObject({ value: 'm', origin: { line: 11 }, writers: [{ value: 'y', origin: { line: 2 } }] });
  });

  it('refuses a file with no setting at all', () => {
    expect(() => readKconfig('# only a comment\n\n', 'empty.config')).toThrow(/empty.config: no CONFIG_ setting found/);
  });

  it('reports at most 20 lines per code, then how many more', () => {
    const junk = `CONFIG_A=y\n${'junk\n'.repeat(1000)}`;
    const diagnostics = readKconfig(junk, 'junk.config').diagnostics;
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics[20]).toMatchObject({ code: 'FD101', line: 0, message: '980 more lines like the above were not reported' });
  });
});

describe('readKconfig on the corpus', () => {
  it.each([
    // file, shape, arch, version, settings and is-not-set lines (counted with grep)
    [DEBIAN_AMD64, 'full', 'x86_64', '6.12.117', 9502, 2606],
    [DEBIAN_CLOUD, 'full', 'x86_64', '6.12.117', 4325, 1254],
    [FEDORA_X86, 'partial', 'x86_64', undefined, 9552, 2823],
    ['kernel/kata/arm64_kata_kvm_5.4.x', 'full', 'aarch64', '5.4.32', 2035, 1074],
  ])('%s: %s, %s, %s', (path, shape, arch, version, settings, notSet) => {
    const text = readFileSync(corpus(path), 'utf8');
    const set = readKconfig(text, path);
    expect(set.meta).toMatchObject({ shape, arch, ...(version ? { version } : {}) });
    expect(set.diagnostics).toEqual([]);
    expect(set.settings.size).toBe(settings);
    // Independent count of the two line forms: every one of them becomes a setting.
    expect(text.split('\n').filter((l) => /^CONFIG_\w+=/.test(l))).toHaveLength(settings - notSet);
    expect([...set.settings.values()].filter((s) => s.value === 'n')).toHaveLength(notSet);
  });
});
