/**
 * Reads an input through the host and turns it into text: plain, gzip (decodeInput) or xz. Debian
 * ships its kernel configs as `.xz` (linux-config-6.12); xz is inflated by the xz-decompress
 * package (xz-embedded compiled to WebAssembly, no native code) as a stream, stopped at the size cap.
 */
import { InputError, diagnostic } from '../model/diagnostic.js';
import { BINARY_PROBE, DEFAULT_LIMITS, decodeInput, describeSize } from './decode-input.js';
import type { InputLimits } from './decode-input.js';
import type { ReadHost } from './host.js';

const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** The file's text; `.xz`, `.gz` and plain files alike, whatever their name. */
export async function readInputText(path: string, host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<string> {
  const text = host.readText?.(path, limits.maxBytes);
  if (text !== undefined && decodesAlike(text)) return text;
  const bytes = await host.readFile(path, limits.maxBytes);
  return decodeInput(isXz(bytes) ? await inflateXz(bytes, path, limits) : bytes, path, limits);
}

/**
 * Whether text read as UTF-8 is what decodeInput makes of the same bytes: no byte order mark to drop,
 * nothing malformed (U+FFFD: also where gzip's, xz's and zstd's magic bytes went), no NUL where
 * decodeInput looks for binary data, and not bzip2's magic. Anything else is decided from the bytes.
 */
function decodesAlike(text: string): boolean {
  const nul = text.indexOf('\0');
  return text.charCodeAt(0) !== 0xfeff && !text.startsWith('BZh') && !text.includes('\ufffd') && (nul === -1 || nul >= BINARY_PROBE);
}

function isXz(bytes: Uint8Array): boolean {
  return XZ_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Inflates xz data, refusing more than `limits.maxBytes` of output (a decompression bomb stops there). */
export async function inflateXz(bytes: Uint8Array, file: string, limits: InputLimits = DEFAULT_LIMITS): Promise<Uint8Array> {
  const fail = (message: string): never => {
    throw new InputError(diagnostic('FD104', message, { file, line: 0 }));
  };
  let XzReadableStream: typeof import('xz-decompress').XzReadableStream;
  try {
    // A CommonJS package: its exports arrive on the default export when imported from ESM.
    const loaded = (await import('xz-decompress')) as unknown as { default?: typeof import('xz-decompress') } & typeof import('xz-decompress');
    XzReadableStream = (loaded.default ?? loaded).XzReadableStream;
  } catch {
    return fail(`xz-compressed, and the xz-decompress package is not installed; decompress it first (xz -dk ${file})`);
  }
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = new XzReadableStream(input).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limits.maxBytes) {
        await reader.cancel();
        return fail(`xz data inflates to over the ${describeSize(limits.maxBytes)} input limit`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    return fail('xz data is truncated or corrupt');
  }
  return Buffer.concat(chunks, total);
}
