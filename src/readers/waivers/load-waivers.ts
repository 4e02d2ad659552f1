/** Loads a waiver file through a ReadHost, with a size cap far above any real file. */
import type { WaiverSet } from '../../model/waiver.js';
import { decodeInput } from '../decode-input.js';
import type { ReadHost } from '../host.js';
import { readWaivers } from './read-waivers.js';

/** A waiver file is a few KiB; the cap bounds the findings × waivers matching on hostile input. */
export const WAIVER_LIMITS = { maxBytes: 256 * 1024 } as const;

export async function loadWaivers(path: string, host: ReadHost): Promise<WaiverSet> {
  const bytes = await host.readFile(path, WAIVER_LIMITS.maxBytes);
  return readWaivers(decodeInput(bytes, path, WAIVER_LIMITS), path);
}
