import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/model/diagnostic.js';
import { loadFragments, loadKconfig } from '../../../src/readers/kconfig/load-kconfig.js';
import { DEBIAN_AMD64, corpus } from '../../helpers/corpus.js';
import { memoryHost } from '../../helpers/memory-host.js';

const CONFIG = '# Linux/arm64 6.1.0 Kernel Configuration\nCONFIG_VIRTIO=y\n# CONFIG_DEBUG_FS is not set\n';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error.diagnostic;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('loadKconfig', () => {
  it('reads a gzip-compressed config (/proc/config.gz) like the plain one', async () => {
    const host = memoryHost({ 'config.gz': gzipSync(CONFIG), config: CONFIG });
    const [gz, plain] = [await loadKconfig('config.gz', host), await loadKconfig('config', host)];
    expect(gz.meta).toMatchObject({ arch: 'aarch64', version: '6.1.0' });
    expect([...gz.settings.values()].map((s) => [s.key, s.value, s.origin.line])).toEqual(
      [...plain.settings.values()].map((s) => [s.key, s.value, s.origin.line]),
    );
  });

  it.each([
    // what, bytes, message
    ['a truncated .gz', gzipSync(CONFIG).subarray(0, 20), 'gzip data is truncated or corrupt'],
    ['a truncated .xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]), 'xz data is truncated or corrupt'],
    ['a zstd file', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2]), 'zstd-compressed; decompress it first (zstd -d x)'],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), 'binary file, not a text configuration'],
    ['a text file with no setting', Buffer.from('hello\nworld\n'), 'no CONFIG_ setting found; this is not a kernel configuration'],
  ])('refuses %s with one diagnostic naming the file', async (_, bytes, message) => {
    expect(await failure(loadKconfig('x', memoryHost({ x: bytes })))).toMatchObject({ file: 'x', message });
  });

  it('reads an xz-compressed config (Debian linux-config-*) like the plain one, compressed here by xz itself', async () => {
    const plain = readFileSync(corpus(DEBIAN_AMD64));
    const xz = execFileSync('xz', ['-c'], { input: plain, maxBuffer: 64 * 1024 * 1024 });
    const host = memoryHost({ 'config.xz': xz, config: plain });
    const [a, b] = [await loadKconfig('config.xz', host), await loadKconfig('config', host)];
    expect(a.settings.size).toBeGreaterThan(5000);
    expect([...a.settings.values()]).toEqual([...b.settings.values()].map((s) => ({ ...s, origin: { ...s.origin, file: 'config.xz' } })));
  });

  it('stops an xz decompression bomb at the limit', async () => {
    const bomb = execFileSync('xz', ['-c'], { input: Buffer.alloc(8 * 1024 * 1024, 'y') });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const diagnostic = await failure(loadKconfig('bomb.xz', memoryHost({ 'bomb.xz': bomb }), { maxBytes: 1024 * 1024 }));
    expect(diagnostic).toMatchObject({ code: 'FD104', message: 'xz data inflates to over the 1 MiB input limit' });
  });

  it('stops a decompression bomb at the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 'y'));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const diagnostic = await failure(loadKconfig('bomb.gz', memoryHost({ 'bomb.gz': bomb }), { maxBytes: 1024 * 1024 }));
    expect(diagnostic).toMatchObject({ code: 'FD104', message: 'gzip data inflates to over the 1 MiB input limit' });
  });

  it('names a missing file and a directory', async () => {
    const host = memoryHost({ 'dir/a.conf': CONFIG });
    expect(await failure(loadKconfig('nope', host))).toMatchObject({ code: 'FD104', file: 'nope', message: 'no such file' });
    expect(await failure(loadKconfig('dir', host))).toMatchObject({ code: 'FD104', file: 'dir' });
  });
});

describe('loadFragments', () => {
  const host = memoryHost({
    'frags/b.conf': 'CONFIG_A=m\nCONFIG_B=y\n',
    'frags/a.conf': 'CONFIG_A=y\n',
    'frags/README': 'not a fragment\n',
    'extra.conf': 'CONFIG_A=n\n',
  });

  it('takes a directory as its *.conf files in byte order, the last writer winning', async () => {
    const set = await loadFragments(['frags'], host);
    expect(set.settings.get('CONFIG_A')).toEqual({
      key: 'CONFIG_A',
      value: 'm',
      origin: { file: 'frags/b.conf', line: 1 },
      writers: [{ value: 'y', origin: { file: 'frags/a.conf', line: 1 } }],
    });
  });

  it('merges paths in the order given', async () => {
    const set = await loadFragments(['frags', 'extra.conf'], host);
    expect(set.settings.get('CONFIG_A')).toMatchObject({ value: 'n', origin: { file: 'extra.conf' } });
    expect(set.settings.get('CONFIG_A')?.writers?.map((w) => w.value)).toEqual(['y', 'm']);
  });

  it('refuses a directory without fragments', async () => {
    expect(await failure(loadFragments(['empty'], memoryHost({ 'empty/x.txt': 'x' })))).toMatchObject({
      file: 'empty',
      message: 'directory holds no *.conf fragment',
    });
  });
});
