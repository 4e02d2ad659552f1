// Waiver files: what is read, and each of ini's silent behaviours turned into an error with its line.
import { parse } from 'ini';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { loadWaivers } from '../../../src/readers/waivers/load-waivers.js';
import { readWaivers } from '../../../src/readers/waivers/read-waivers.js';
import { memoryHost } from '../../helpers/memory-host.js';

const VALID = `; differences we accept
# comments either way

[CONFIG_NR_CPUS]
reason = a guest with more vCPUs than 240 is fine
expires = 2027-06-30

[CONFIG_NF_NAT_*]
reason = "renamed in 5.1; see kata#5035"
arch = x86_64, aarch64
kind = missing
domain = kernel

[vhost-user-fs-pci.cache-size]
reason = 'DAX is off in distro builds'
kind=value   extra
`;

function problem(text: string): { code: string; line: number; message: string } {
  try {
    readWaivers(text, 'w.ini');
  } catch (error) {
    if (error instanceof InputError) return error.diagnostic;
    throw error;
  }
  throw new Error('no problem reported');
}

describe('readWaivers', () => {
  it('reads each section as a waiver, with its line and fields', () => {
    expect(readWaivers(VALID, 'w.ini')).toEqual({
      source: 'w.ini',
      builtIn: false,
      waivers: [
        { key: 'CONFIG_NR_CPUS', reason: 'a guest with more vCPUs than 240 is fine', expires: '2027-06-30', origin: { file: 'w.ini', line: 4 } },
        { key: 'CONFIG_NF_NAT_*', reason: 'renamed in 5.1; see kata#5035', arches: ['x86_64', 'aarch64'], kinds: ['missing'], domains: ['kernel'], origin: { file: 'w.ini', line: 8 } },
        { key: 'vhost-user-fs-pci.cache-size', reason: 'DAX is off in distro builds', kinds: ['value', 'extra'], origin: { file: 'w.ini', line: 14 } },
      ],
    });
  });

  it('reads every value as ini itself reads it in the whole file', () => {
    // Oracle: the ini package on the whole text (dots escaped so that its section nesting stays out of the way).
    const whole = parse(VALID.replace(/^\[(.*)\]$/gm, (_, name: string) => `[${name.replace(/\./g, '\\.')}]`)) as Record<string, Record<string, string>>;
    const read = readWaivers(VALID, 'w.ini').waivers;
    expect(read.map((w) => [w.key, w.reason, w.expires])).toEqual(Object.entries(whole).map(([key, f]) => [key, f.reason, f.expires]));
  });

  it('accepts CRLF line ends and an empty file', () => {
    expect(readWaivers(VALID.replace(/\n/g, '\r\n'), 'w.ini')).toEqual(readWaivers(VALID, 'w.ini'));
    expect(readWaivers('', 'w.ini').waivers).toEqual([]);
  });

  it.each([
    // file, code, line, message part
    ['[A]\nreason = distro default; larger is fine\n', 'FD140', 2, 'put the value in double quotes'],
    ['[A]\nreason = see #5035\n', 'FD140', 2, 'after ; or #'],
    ['[A]\nreason = r\n[A]\nreason = again\n', 'FD140', 3, '[A] is already a waiver at line 1'],
    ['[A]\nreason = r\nreason = again\n', 'FD140', 3, 'reason is already set for [A] at line 2'],
    ['reason = r\n[A]\nreason = r\n', 'FD140', 1, 'comes before the first [KEY] section'],
    ['[A]\nreason = r\nflag\n', 'FD140', 3, 'expected [KEY], field = value, or a comment'],
    ['[]\nreason = r\n', 'FD140', 1, 'needs a key or glob'],
    ['[A]\nexpires = 2027-01-01\n', 'FD141', 1, '[A] gives no reason'],
    ['[A]\nreason = ""\n', 'FD141', 1, 'gives no reason'],
    ['[A]\nreason = r\nexpire = 2027-01-01\n', 'FD142', 3, 'unknown field "expire"'],
    ['[A]\nreason = r\n__proto__ = x\n', 'FD142', 3, 'unknown field "__proto__"'],
    ['[A]\nreason = r\nexpires = 2027-02-30\n', 'FD142', 3, 'is not a date written YYYY-MM-DD'],
    ['[A]\nreason = r\nexpires = 30/06/2027\n', 'FD142', 3, 'is not a date'],
    ['[A]\nreason = r\narch = amd64\n', 'FD142', 3, 'uname arch names'],
    ['[A]\nreason = r\ndomain = kvm\n', 'FD142', 3, 'kernel or qemu'],
    ['[A]\nreason = r\nkind = absent\n', 'FD142', 3, 'finding kinds'],
    [`[${'X'.repeat(201)}]\nreason = r\n`, 'FD142', 1, 'at most 200 printable characters'],
  ])('%j: %s at line %i', (text, code, line, message) => {
    const d = problem(text);
    expect([d.code, d.line]).toEqual([code, line]);
    expect(d.message).toContain(message);
  });

  it.each([
    // the negative twins: the same ideas written so that ini reads them as meant
    ['[A]\nreason = "distro default; larger is fine"\n', 'distro default; larger is fine'],
    ['[A]\nreason = see \\#5035\n', 'see #5035'],
    ['[A]\nreason = "true"\n', 'true'], // ini itself would give the boolean true, quoted or not
    ['[A]\nreason = null\n', 'null'],
    ['[A] ; trailing comment\nreason = r\n', 'r'],
  ])('%j reads the reason %j', (text, reason) => {
    expect(readWaivers(text, 'w.ini').waivers[0]!.reason).toBe(reason);
  });

  it('does not report a reason missing when its line was the problem', () => {
    expect(() => readWaivers('[A]\nreason = a; b\n', 'w.ini')).toThrow(/^w\.ini:2: ini reads the rest of this value after ; or # as a comment; put the value in double quotes$/);
  });

  it('names the first problem and counts the others', () => {
    // [A] twice, the bare word x, and no reason for either [A].
    expect(problem("[A]\n[A]\nx\n")).toMatchObject({ line: 1, message: "[A] gives no reason; add reason = why this difference is accepted (and 3 more problems in this file)" });
  });
});

describe('loadWaivers', () => {
  it('reads through the host and refuses a file over 256 KiB', async () => {
    const host = memoryHost({ 'w.ini': VALID, 'big.ini': `[A]\nreason = ${'x'.repeat(300 * 1024)}\n` });
    expect((await loadWaivers('w.ini', host)).waivers).toHaveLength(3);
    await expect(loadWaivers('big.ini', host)).rejects.toThrow(/big\.ini: larger than the input limit/);
    await expect(loadWaivers('none.ini', host)).rejects.toThrow(/none\.ini: no such file/);
  });
});
