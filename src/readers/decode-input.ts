/**
 * Bytes to text, refusing what is not text: binary files, inputs over the size cap, corrupt gzip.
 * gzip (`/proc/config.gz`, `*.gz`) is recognised by its magic bytes and inflated with a cap, so a
 * decompression bomb stops at the limit instead of exhausting memory.
 */
import { InputError, diagnostic } from '../model/diagnostic.js';

export interface InputLimits {
  /** Largest input, and largest decompressed output, in bytes. */
  readonly maxBytes: number;
}

/** Real inputs are far smaller (a full .config is ~300 KB, Ubuntu's annotations ~2 MB). */
export const DEFAULT_LIMITS: InputLimits = { maxBytes: 64 * 1024 * 1024 };

const OTHER_COMPRESSIONS: ReadonlyArray<readonly [string, readonly number[], string]> = [
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz -dk'],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd], 'zstd -d'],
  ['bzip2', [0x42, 0x5a, 0x68], 'bunzip2 -k'],
];

/** How far into the data a NUL byte makes it binary, as grep and git look. */
export const BINARY_PROBE = 8000;

export function decodeInput(bytes: Uint8Array, file: string, limits: InputLimits = DEFAULT_LIMITS): string {
  const fail = (message: string): never => {
    throw new InputError(diagnostic('FD104', message, { file, line: 0 }));
  };
  if (bytes.length > limits.maxBytes) fail(`${describeSize(bytes.length)} is over the ${describeSize(limits.maxBytes)} input limit`);
  let data = bytes;
  if (startsWith(bytes, [0x1f, 0x8b])) {
    try {
      // zlib loads only for gzip input: requiring it costs ~1 ms of every run.
      const { gunzipSync } = process.getBuiltinModule('node:zlib');
      data = gunzipSync(bytes, { maxOutputLength: limits.maxBytes });
    } catch (error) {
      const code = (error as { code?: string }).code;
      fail(code === 'ERR_BUFFER_TOO_LARGE'
        ? `gzip data inflates to over the ${describeSize(limits.maxBytes)} input limit`
        : 'gzip data is truncated or corrupt');
    }
  }
  for (const [name, magic, command] of OTHER_COMPRESSIONS) {
    if (startsWith(data, magic)) fail(`${name}-compressed; decompress it first (${command} ${file})`);
  }
  if (data.subarray(0, BINARY_PROBE).includes(0)) fail('binary file, not a text configuration');
  const text = new TextDecoder('utf-8').decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
