/**
 * Reads Ubuntu's `debian.<kernel>/config/annotations` (FORMAT 4) with its includes, mirroring
 * `Annotation._legacy_parse` and `_parse_body` of arighi/annotations (kconfig/annotations.py at
 * 168bb524107f), the upstream of debian/scripts/misc/annotations.
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { DEFAULT_LIMITS } from '../decode-input.js';
import type { InputLimits } from '../decode-input.js';
import { createDiagnosticSink, quoteLine } from '../diagnostic-sink.js';
import type { DiagnosticSink } from '../diagnostic-sink.js';
import { confinedHost } from '../confined-host.js';
import type { ReadHost } from '../host.js';
import { readInputText } from '../read-input-text.js';
import { parseStringDict } from './python-literal.js';

/** One config's annotations: its value per `arch` or `arch-flavour` key, and its note. */
export interface AnnotationEntry {
  /** Keys in the order the upstream dict holds them. */
  readonly policy: Readonly<Record<string, string>>;
  /** As upstream stores it: quoted, with any inner `'` removed. */
  readonly note?: string;
  /** Where each policy key was last written. */
  readonly origins: Readonly<Record<string, Origin>>;
}

export interface Annotations {
  readonly file: string;
  /** `# ARCH:`, `# FLAVOUR:` and `# FLAVOUR_DEP:` of the main file's header (includes' headers are comments). */
  readonly arch: readonly string[];
  readonly flavour: readonly string[];
  readonly flavourDep: Readonly<Record<string, string>>;
  /** The main file's own includes, as written. */
  readonly include: readonly string[];
  /** Keyed by `CONFIG_X`, in order of first appearance. */
  readonly config: ReadonlyMap<string, AnnotationEntry>;
  /** Every file read, the main one first. */
  readonly files: readonly string[];
  readonly diagnostics: ReturnType<DiagnosticSink['finish']>;
}

/** Includes nest a few levels in practice (kvm → master); deeper is a loop or a hostile input. */
const MAX_DEPTH = 16;
const POLICY = /^.* policy<(.*?)>/;
const NOTE = /^.* note<(.*?)>/;
const INCLUDE = /^include\s+"?([^"]*)"?/;

interface Entry {
  policy: Record<string, string>;
  note?: string;
  origins: Record<string, Origin>;
}

export async function loadAnnotations(path: string, host: ReadHost, limits: InputLimits = DEFAULT_LIMITS): Promise<Annotations> {
  const text = await readInputText(path, host, limits);
  const sink = createDiagnosticSink(path);
  const header = readHeader(text, path);
  const config = new Map<string, Entry>();
  const include: string[] = [];
  const includeFlavour: string[] = [];
  const files = [path];
  const reading: string[] = [];

  // Upstream resolves every include against the main file's directory (`dirname(abspath(self.fname))`).
  const base = dirname(path);
  const root = treeRoot(path);
  const tree = confinedHost(host, root);
  const parseBody = async (body: string, file: string, parent: boolean): Promise<void> => {
    reading.push(file);
    let number = 0;
    for (const raw of body.split('\n')) {
      number++;
      const line = raw.replaceAll('\t', ' ').replace(/ +/g, ' ').trim();
      const origin = { file, line: number };
      if (!line) continue;
      if (line.startsWith('# FLAVOUR: ')) includeFlavour.push(...line.split(' ').slice(2));
      if (line.startsWith('#')) continue;
      const included = INCLUDE.exec(line);
      if (included) {
        const target = included[1]!;
        if (parent) include.push(target);
        // os.path.join, as upstream: an absolute include replaces the base.
        const next = isAbsolute(target) ? target : join(base, target);
        if (reading.includes(next) || reading.length >= MAX_DEPTH) {
          throw new InputError(diagnostic('FD154', `include "${target}" ${reading.includes(next) ? 'is already being read' : `nests over ${MAX_DEPTH} levels`}`, origin));
        }
        files.push(next);
        const text = await readInputText(next, tree, limits).catch((error: unknown) => {
          // Name the include line rather than the file it leads to.
          if (error instanceof InputError && error.diagnostic.code === 'FD157') {
            throw new InputError(diagnostic('FD157', `include "${target}" leads outside the kernel tree ${root}; it is not read`, origin));
          }
          throw error;
        });
        await parseBody(text, next, false);
        continue;
      }
      if (/^.* (policy|note)</.test(line)) annotate(line, origin);
      else sink.add('FD153', `invalid line ${quoteLine(line)}; the annotations tool stops here`, origin);
    }
    reading.pop();
  };

  const annotate = (line: string, origin: Origin) => {
    const name = line.split(' ')[0]!;
    const entry = config.get(name) ?? { policy: {}, origins: {} };
    const policy = POLICY.exec(line);
    const note = NOTE.exec(line);
    if (policy) {
      const parsed = parseStringDict(policy[1]!);
      if (!parsed.ok) return sink.add('FD153', `${name}: policy<...> is not a dict of strings (${parsed.reason})`, origin);
      for (const [key, value] of parsed.value) {
        // A whole-arch rule drops that arch's earlier flavour rules (and its own, which then moves last).
        if (header.arch.includes(key)) {
          for (const old of Object.keys(entry.policy)) if (old.startsWith(key)) delete entry.policy[old];
        }
        entry.policy[key] = value;
        entry.origins[key] = origin;
      }
    }
    if (note) entry.note = `'${note[1]!.replaceAll("'", '')}'`;
    config.set(name, entry);
  };

  await parseBody(text, path, true);
  for (const [source, target] of Object.entries(header.flavourDep)) {
    if (!header.flavour.includes(source)) sink.add('FD153', `FLAVOUR_DEP names ${source}, which is not a FLAVOUR`, { file: path, line: header.depLine });
    if (!includeFlavour.includes(target)) sink.add('FD153', `FLAVOUR_DEP target ${target} is no FLAVOUR of this file or its includes`, { file: path, line: header.depLine });
  }
  return { file: path, arch: header.arch, flavour: header.flavour, flavourDep: header.flavourDep, include, config, files, diagnostics: sink.finish() };
}

interface Header {
  readonly arch: string[];
  readonly flavour: string[];
  readonly flavourDep: Record<string, string>;
  readonly depLine: number;
}

/** The leading `#` lines of the main file; ARCH and FLAVOUR are required, as upstream requires them. */
function readHeader(text: string, file: string): Header {
  const header: Header = { arch: [], flavour: [], flavourDep: {}, depLine: 0 };
  let number = 0;
  for (const line of text.split('\n')) {
    number++;
    if (!line.startsWith('#')) break;
    const [, field, value] = /^# (ARCH|FLAVOUR|FLAVOUR_DEP): (.*)/.exec(line) ?? [];
    if (field === 'ARCH') header.arch.splice(0, Infinity, ...value!.split(' '));
    if (field === 'FLAVOUR') header.flavour.splice(0, Infinity, ...value!.split(' '));
    if (field === 'FLAVOUR_DEP') {
      const parsed = parseStringDict(value!);
      if (!parsed.ok) throw new InputError(diagnostic('FD153', `FLAVOUR_DEP is not a dict of strings (${parsed.reason})`, { file, line: number }));
      Object.assign(header, { flavourDep: Object.fromEntries(parsed.value), depLine: number });
    }
  }
  const absent = header.arch.length === 0 ? 'ARCH' : header.flavour.length === 0 ? 'FLAVOUR' : undefined;
  if (absent) throw new InputError(diagnostic('FD153', `${absent} not defined in the annotations header`, { file, line: 0 }));
  return header;
}

/**
 * Includes may reach across the kernel tree (`debian.kvm` includes `../../debian.master/...`) but not
 * out of it: an annotations file from a pull request must not make flagdiff read, and quote in its
 * diagnostics, files elsewhere. The tree is the directory holding `debian.<kernel>/config/annotations`,
 * or the file's own directory for other layouts.
 */
function treeRoot(path: string): string {
  const config = dirname(path);
  const debian = dirname(config);
  return basename(config) === 'config' && basename(debian).startsWith('debian.') ? dirname(debian) : config;
}

