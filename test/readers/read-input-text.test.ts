// readInputText takes a host's one-call UTF-8 read only where decoding the bytes gives the same text:
// on the real file system, every shape of input reads alike through both paths, errors included.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.js';
import { InputError } from '../../src/model/diagnostic.js';
import type { ReadHost } from '../../src/readers/host.js';
import { readInputText } from '../../src/readers/read-input-text.js';
import { DEBIAN_AMD64, corpus } from '../helpers/corpus.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('flagdiff-read-text-');
const LIMITS = { maxBytes: 64 * 1024 };

/** The same files, with the host's bytes only. */
function bytesOnly(host: ReadHost): ReadHost {
  return { kind: host.kind, readFile: host.readFile, list: host.list };
}

async function outcome(path: string, host: ReadHost): Promise<string | { error: string }> {
  try {
    return await readInputText(path, host, LIMITS);
  } catch (error) {
    if (error instanceof InputError) return { error: error.diagnostic.message };
    throw error;
  }
}

const BOM = '\ufeff';
const multibyte = 'é'.repeat(4000);

describe('readInputText on the real file system', () => {
  it.each([
    ['plain text', Buffer.from('CONFIG_A=y\n# CONFIG_B is not set\n')],
    ['CRLF lines and no final newline', Buffer.from('CONFIG_A=y\r\nCONFIG_B="x"')],
    ['a byte order mark', Buffer.from(`${BOM}CONFIG_A=y\n`)],
    ['two byte order marks', Buffer.from(`${BOM}${BOM}CONFIG_A=y\n`)],
    ['malformed UTF-8', Buffer.concat([Buffer.from('CONFIG_A="'), Buffer.from([0xff, 0xc3]), Buffer.from('"\n')])],
    ['a NUL among the first 8000 bytes', Buffer.from('CONFIG_A=y\n\0\n')],
    ['a NUL at byte 7999', Buffer.from(`${'x'.repeat(7999)}\0\n`)],
    // 4000 two-byte characters: the NUL is character 8000 but byte 12000, past what decodeInput probes
    ['a NUL past the first 8000 bytes', Buffer.from(`${multibyte}${'x'.repeat(4000)}\0\n`)],
    ['a NUL at character 4001, byte 8001', Buffer.from(`${multibyte}x\0\n`)],
    ['bzip2 data', Buffer.from('BZh91AY&SY\x01\x02')],
    ['gzip data', gzipSync('CONFIG_A=y\n')],
    ['xz data', execFileSync('xz', ['-c'], { input: 'CONFIG_A=y\n' })],
    ['zstd magic', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2])],
    ['an empty file', Buffer.alloc(0)],
    ['a file over the cap', Buffer.alloc(LIMITS.maxBytes + 1, 'y')],
  ])('reads %s as the bytes decode', async (name, bytes) => {
    const path = join(dir, name.replace(/\W+/g, '-'));
    writeFileSync(path, bytes);
    expect(await outcome(path, nodeHost())).toEqual(await outcome(path, bytesOnly(nodeHost())));
  });

  it('reads a real config in one call, without the bytes', async () => {
    const host = nodeHost();
    const readFile = host.readFile;
    let byteReads = 0;
    const counting: ReadHost = { ...host, readFile: (path, max) => (byteReads++, readFile(path, max)) };
    const text = await readInputText(corpus(DEBIAN_AMD64), counting);
    expect(text).toBe(await readInputText(corpus(DEBIAN_AMD64), bytesOnly(host)));
    expect(byteReads).toBe(0);
  });
});
