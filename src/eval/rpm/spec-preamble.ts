/**
 * Macros rpm defines from what a spec declares (build/parsePreamble.c, build/parsePrep.c, rpm 4.18):
 * `Name:` gives `%{name}` (and `%{NAME}` in the main package), `Source1:` gives `%{SOURCE1}` naming
 * the file in `%{_sourcedir}`, `%setup -n DIR` gives `%{buildsubdir}`; the arch restrictions are
 * kept for the caller.
 */
import type { Origin } from '../../model/origin.js';
import { expandText } from './expand-macros.js';
import { sharedDefinition } from './expansion-memo.js';
import type { ExpansionMemo } from './expansion-memo.js';
import type { MacroEngine } from './macro-engine.js';
import { pushMacro } from './macro-table.js';
import { append, appendRange, createBuilder, finish, originAt, sliceText, spannedText } from './spanned-text.js';
import { splitLines } from './spec-lines.js';
import type { SpannedText } from './spanned-text.js';

/** Tags whose value becomes a macro of the same name (preambleList entries with ismacro). */
const MACRO_TAGS = [
  'name', 'version', 'release', 'epoch', 'summary', 'license', 'sourcelicense', 'distribution', 'disturl', 'vendor', 'group',
  'packager', 'url', 'vcs', 'prefixes', 'prefix', 'disttag', 'bugurl', 'translationurl', 'upstreamreleases', 'removepathpostfixes',
  'modularitylabel',
];

const TAG = /^([A-Za-z]+)(\d*)[ \t]*(?:\([^)]*\)[ \t]*)?:[ \t]*/;

/**
 * rpm 4.18's preambleList, in its order (the first token a line starts with decides): each token and
 * what may follow it before the `:`: nothing (0), a language `(de)` (1), qualifiers `(post)` (2).
 */
const PREAMBLE_TAGS: ReadonlyArray<readonly [string, 0 | 1 | 2]> = [
  ['name', 0], ['version', 0], ['release', 0], ['epoch', 0], ['summary', 1], ['license', 0], ['sourcelicense', 0],
  ['distribution', 0], ['disturl', 0], ['vendor', 0], ['group', 1], ['packager', 0], ['url', 0], ['vcs', 0], ['source', 0],
  ['patch', 0], ['nosource', 0], ['nopatch', 0], ['excludearch', 0], ['exclusivearch', 0], ['excludeos', 0], ['exclusiveos', 0],
  ['icon', 0], ['provides', 0], ['requires', 2], ['recommends', 0], ['suggests', 0], ['supplements', 0], ['enhances', 0],
  ['prereq', 2], ['conflicts', 0], ['obsoletes', 0], ['prefixes', 0], ['prefix', 0], ['buildroot', 0], ['buildarchitectures', 0],
  ['buildarch', 0], ['buildconflicts', 0], ['buildprereq', 0], ['buildrequires', 0], ['autoreqprov', 0], ['autoreq', 0],
  ['autoprov', 0], ['docdir', 0], ['disttag', 0], ['bugurl', 0], ['translationurl', 0], ['upstreamreleases', 0],
  ['orderwithrequires', 2], ['removepathpostfixes', 0], ['modularitylabel', 0],
];

/** The first token a line starts with, tried in rpm's order (an alternation takes the first that matches). */
const TOKEN = new RegExp(`^(?:${PREAMBLE_TAGS.map(([token]) => token).join('|')})`, 'i');
const TYPES: ReadonlyMap<string, 0 | 1 | 2> = new Map(PREAMBLE_TAGS);

/** Tags rpm added after 4.18: a spec for a newer rpm may use them. */
const LATER_TAGS: Readonly<Record<string, string>> = { buildsystem: '4.20', buildoption: '4.20' };

/**
 * Whether rpm 4.18 takes a preamble line as a tag (findPreambleTag): it starts with a token, then
 * the `:` (Source and Patch take their number first), with a `(...)` before it where the tag allows one.
 * Any other line stops rpmbuild: "Unknown tag".
 */
export function isPreambleTag(line: string): boolean {
  const token = TOKEN.exec(line)?.[0].toLowerCase();
  if (token === undefined) return false;
  const type = TYPES.get(token)!;
  let at = skipBlanks(line, token.length);
  if (type === 0) return token === 'source' || token === 'patch' || line[at] === ':';
  if (line[at] === ':') return true;
  if (line[at] !== '(') return false;
  const close = line.indexOf(')', at);
  if (close === -1 || /\s/.test(line.slice(at + 1, close).trim())) return false;
  at = skipBlanks(line, close + 1);
  return line[at] === ':';
}

/** The rpm release that knows a tag 4.18 does not, if flagdiff knows of one. */
export function laterTagRelease(line: string): string | undefined {
  const name = /^([A-Za-z]+)\s*:/.exec(line)?.[1]?.toLowerCase();
  return name ? LATER_TAGS[name] : undefined;
}

function skipBlanks(line: string, at: number): number {
  while (at < line.length && /\s/.test(line[at]!)) at++;
  return at;
}

export interface PreambleState {
  autoSource: number;
  autoPatch: number;
  readonly exclusiveArch: string[];
  readonly excludeArch: string[];
}

export function createPreambleState(): PreambleState {
  return { autoSource: -1, autoPatch: -1, exclusiveArch: [], excludeArch: [] };
}

/** Reads one preamble line; `main` is the package before any `%package`. */
export function readPreambleTag(engine: MacroEngine, state: PreambleState, line: SpannedText, main: boolean, memo?: ExpansionMemo): void {
  const match = TAG.exec(line.text);
  if (!match) return;
  const tag = match[1]!.toLowerCase();
  const number = match[2]!;
  const value = sliceText(line, match[0].length, line.text.trimEnd().length);
  const site = originAt(line, 0)!;
  if (tag === 'source' || tag === 'patch') {
    if (value.text !== '') defineSource(engine, state, tag, number, value, site, memo);
  } else if (number === '' && MACRO_TAGS.includes(tag)) {
    const push = (name: string) => pushMacro(engine.table, sharedDefinition(memo, `${site.file}:${site.line}`, { name, body: value, origin: site, level: 0 }));
    push(tag);
    if (main) push(tag.toUpperCase());
  } else if (number === '' && (tag === 'exclusivearch' || tag === 'excludearch')) {
    (tag === 'exclusivearch' ? state.exclusiveArch : state.excludeArch).push(...value.text.split(/\s+/).filter(Boolean));
  }
}

/** `%{SOURCEn}` is the file's path in `%{_sourcedir}`; `%{SOURCEURLn}` the value as written. */
function defineSource(engine: MacroEngine, state: PreambleState, tag: 'source' | 'patch', number: string, value: SpannedText, site: Origin, memo?: ExpansionMemo): void {
  let n: number;
  if (number === '') n = tag === 'source' ? ++state.autoSource : ++state.autoPatch;
  else {
    n = Number(number);
    if (tag === 'source') state.autoSource = Math.max(state.autoSource, n);
    else state.autoPatch = Math.max(state.autoPatch, n);
  }
  const upper = tag.toUpperCase();
  const url = value.text;
  const builder = createBuilder();
  appendRange(builder, expandText(engine, spannedText('%{_sourcedir}/', site)).text);
  append(builder, url.slice(url.lastIndexOf('/') + 1), site);
  const key = `${site.file}:${site.line}`;
  pushMacro(engine.table, sharedDefinition(memo, key, { name: `${upper}${n}`, body: finish(builder), origin: site, level: 0 }));
  pushMacro(engine.table, sharedDefinition(memo, key, { name: `${upper}URL${n}`, body: value, origin: site, level: 0 }));
}

/**
 * After %prep, rpm runs its %setup lines (parsePrep, doSetupMacro), which define %{buildsubdir}: the
 * `-n` directory, or %{name}-%{version}. flagdiff reads `-n` alone, and of `%autosetup` too.
 */
export function defineBuildSubdir(engine: MacroEngine, prep: SpannedText, memo: ExpansionMemo | undefined): void {
  for (const line of splitLines(prep)) {
    const words = /^%(?:auto)?setup\b(.*)/.exec(line.text)?.[1]?.trim().split(/\s+/);
    if (!words) continue;
    const at = words.indexOf('-n');
    const body = at !== -1 && words[at + 1] ? spannedText(words[at + 1]!, originAt(line, 0)) : expandText(engine, spannedText('%{name}-%{version}', originAt(line, 0))).text;
    pushMacro(engine.table, sharedDefinition(memo, `${originAt(line, 0)?.file}:${originAt(line, 0)?.line}`, { name: 'buildsubdir', body, level: 0 }));
  }
}
