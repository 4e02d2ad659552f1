// Bad input ends with exit 2 and one line naming the file: never a stack trace, never unbounded memory.
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('flagdiff-bad-');
const path = (name: string) => join(dir, name);

beforeAll(() => {
  writeFileSync(path('binary'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
  writeFileSync(path('truncated.gz'), gzipSync(readFileSync(fixture('kernel/guest-6.12.config'))).subarray(0, 40));
  mkdirSync(path('junk'));
  writeFileSync(path('junk/a.conf'), 'hello world\n');
  writeFileSync(path('junk/b.conf'), Buffer.from([1, 2, 3, 0, 4]));
  // 200 MB on one line, written in pieces so the test itself stays small in memory.
  const fd = openSync(path('one-line'), 'w');
  const piece = Buffer.alloc(8 * 1024 * 1024, 'A');
  writeSync(fd, 'CONFIG_');
  for (let i = 0; i < 25; i++) writeSync(fd, piece);
  closeSync(fd);
}, 60_000);

describe('bad input', () => {
  it.each([
    // args, the one line on stderr
    [['kernel', '{binary}'], '{binary}: binary file, not a text configuration'],
    [['kernel', '{truncated.gz}'], '{truncated.gz}: gzip data is truncated or corrupt'],
    [['kernel', '{junk}'], '{junk}: is a directory; give a kernel config file (.config, config-*, *.gz, *.xz) or a distro config tree (redhat/configs with priority.*, debian/config with defines, Ubuntu annotations)'],
    [['kernel', '-r', '{junk}', fixture('kernel/guest-6.12.config')], '{junk/a.conf}: no CONFIG_ setting found; this is not a kernel configuration'],
    [['kernel', '{one-line}'], '{one-line}: larger than the 64 MiB input limit'],
    [['show', '{junk/a.conf}'], '{junk/a.conf}: no CONFIG_ setting found; this is not a kernel configuration'],
  ])('%j', async (args, message) => {
    const fill = (s: string) => s.replace(/\{([^}]+)\}/g, (_, name: string) => path(name));
    const run = await runCli(args.map(fill));
    expect(run).toEqual({ code: 2, stdout: '', stderr: `flagdiff: ${fill(message)}\n` });
  });
});
