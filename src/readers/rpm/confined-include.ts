/**
 * `%include` for specs read from untrusted places: only files inside the spec's own directory (and
 * below it) are read, through the caller's host, with the input size limit. A path that climbs out
 * (`../`, an absolute path elsewhere) is refused, so a spec cannot make flagdiff read other files;
 * where the host resolves symbolic links, a link that leads outside is refused too.
 */
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import type { IncludeReader } from '../../eval/rpm/preprocess-spec.js';
import { InputError } from '../../model/diagnostic.js';
import { DEFAULT_LIMITS, decodeInput } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import type { ReadHost } from '../host.js';

/**
 * An IncludeReader for the spec at `specPath`. A relative path is read from the spec's directory,
 * unless it already names a file in it (as `%{_sourcedir}/common.inc` does, `%{_sourcedir}` being
 * that directory as the user gave it).
 */
export function confinedInclude(specPath: string, host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): IncludeReader {
  const directory = dirname(specPath);
  const within = (path: string) => {
    const inside = relative(resolve(directory), resolve(path));
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
  };
  return async (path) => {
    const file = isAbsolute(path) || within(path) ? normalize(path) : join(directory, path);
    if (!within(file)) return { refused: `it is outside the spec's directory ${directory}` };
    const kind = await host.kind(file);
    if (kind !== 'file') return { refused: kind === 'missing' ? 'no such file' : 'it is a directory' };
    if (host.realPath && !insideReal(await host.realPath(directory), await host.realPath(file))) {
      return { refused: `it is a link that leads outside the spec's directory ${directory}` };
    }
    try {
      return { file, text: decodeInput(await host.readFile(file, limits.maxBytes), file, limits) };
    } catch (error) {
      if (error instanceof InputError) return { refused: error.diagnostic.message };
      throw error;
    }
  };
}

function insideReal(directory: string, file: string): boolean {
  const inside = relative(directory, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}
