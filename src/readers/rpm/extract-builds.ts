/**
 * The builds of an expanded %build section: the section runs through the static shell evaluator
 * (src/eval/shell, nothing executed), and every `configure` (`../configure`, `./configure`,
 * `$srcdir/configure`, what `%configure` expands to) and `meson setup` (`%meson`) it reaches becomes a
 * Build, named after the directory it runs in (`pushd build-mini`), each word with its origin, and
 * the device files the script has put into QEMU's tree by then.
 */
import { posix } from 'node:path';
import { evaluateShell } from '../../eval/shell/evaluate-shell.js';
import { parseShell } from '../../eval/shell/parse-shell.js';
import type { CommandCall } from '../../eval/shell/shell-state.js';
import type { ShellString } from '../../eval/shell/shell-value.js';
import { textOf } from '../../eval/shell/shell-value.js';
import { marksIn, originAt, unknownIndex } from '../../eval/rpm/spanned-text.js';
import type { SpannedText } from '../../eval/rpm/spanned-text.js';
import type { Argument, Build } from '../../model/build.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Origin } from '../../model/origin.js';
import { trackDeviceOverlays } from './device-overlays.js';

export interface BuildContext {
  readonly file: string;
  /** The spec's directory as given: `%{_sourcedir}`, where the files it copies into the tree come from. */
  readonly sourceDir: string;
  readonly arch: string;
  /** The %build header: what the section as a whole is said to be at. */
  readonly origin: Origin;
  /** Why each unknown value of the spec is unknown, by index (PreprocessedSpec.unknowns). */
  readonly unknowns: readonly string[];
}

const UNKNOWN_CHARS = /[\ue000-\uf8ff]/g;

/**
 * Commands whose words no build is read from: the build runners that run after configure, and the
 * documentation generator Debian's rules call (`sphinx-build -Dversion="$(cat VERSION)"`).
 */
const INERT_COMMANDS: ReadonlySet<string> = new Set(['make', 'gmake', 'ninja', 'sphinx-build']);

/** Where the %build script starts: rpm runs it in the unpacked source tree. */
const SOURCE_TREE = '/source';

/**
 * The shell evaluator knows lines, not columns: its origins come from `mapLine`. Each origin handed
 * to it carries the script line under this key (object spread keeps it, JSON does not show it), so
 * that a word can be found again in its line and given the origin of its own first character.
 */
const SCRIPT_LINE = Symbol('script line');
type Tagged = Origin & { readonly [SCRIPT_LINE]?: number };

export function extractBuilds(body: SpannedText, context: BuildContext): { builds: Build[]; diagnostics: readonly Diagnostic[] } {
  const lines = lineStarts(body.text);
  const mapLine = lineMapper(body, lines, context.origin);
  // Every build step is taken to succeed: a build that fails produces nothing to compare.
  const run = evaluateShell(parseShell(body.text, context.file), {
    mapLine,
    cwd: SOURCE_TREE,
    externalStatus: 0,
    inertCommands: INERT_COMMANDS,
    builds: (call) => invocationOf(call) !== undefined,
  });
  const undefinedMacros = new Set(marksIn(body, 0, body.text.length, 'undefined').map((m) => /^%\{(.+)\} is not defined$/.exec(m.reason)?.[1] ?? ''));
  const builds: Build[] = [];
  const ids = new Map<string, number>();
  const devices = trackDeviceOverlays(SOURCE_TREE, context.sourceDir, clean);
  for (const call of run.commands) {
    devices.observe(call);
    const invocation = invocationOf(call);
    if (!invocation) continue;
    const overlays = devices.current();
    const base = buildDirectory(call.cwd);
    const seen = (ids.get(base) ?? 0) + 1;
    ids.set(base, seen);
    builds.push({
      id: seen === 1 ? base : `${base}-${seen}`,
      arch: context.arch,
      tool: invocation.tool,
      argv: call.argv.slice(invocation.first).map((word) => argumentOf(word, context.unknowns, undefinedMacros, (o, text) => preciseOrigin(body, lines, o, text))),
      origin: clean(call.origin),
      ...(overlays.length ? { devices: overlays } : {}),
    });
  }
  const diagnostics = [...run.diagnostics.map((d) => (d.via ? { ...d, via: d.via.map(clean) } : d)), ...devices.diagnostics];
  return { builds, diagnostics };
}

/** The tool and the index of its first option, when the command configures a build. */
function invocationOf(call: CommandCall): { tool: Build['tool']; first: number } | undefined {
  const [command, sub] = call.argv.map(textOf);
  if (command === undefined) return undefined;
  const name = command.slice(command.lastIndexOf('/') + 1);
  if (name === 'configure') return { tool: 'configure', first: 1 };
  if ((name === 'meson' || name === 'meson.py') && sub === 'setup') return { tool: 'meson', first: 2 };
  // Fedora's %meson, left as written where flagdiff does not have the distribution's macros.
  if (command === '%meson' || command === '%{meson}') return { tool: 'meson', first: 1 };
  return undefined;
}

/** The build's name: the directory it runs in, below the source tree (`main` for the tree itself). */
function buildDirectory(cwd: ShellString): string {
  if (cwd.unknown !== undefined) return 'main';
  const inside = posix.relative(SOURCE_TREE, textOf(cwd));
  if (inside === '' ) return 'main';
  // A directory named through macros flagdiff leaves undefined (%{_builddir}/%buildsubdir/build) is named by its last part.
  return inside.startsWith('..') || inside.includes('%') ? posix.basename(inside) : inside;
}

function argumentOf(word: ShellString, unknowns: readonly string[], undefinedMacros: ReadonlySet<string>, locate: (origin: Origin, text: string) => Origin): Argument {
  const raw = textOf(word);
  const reasons: string[] = [];
  if (word.unknown !== undefined) reasons.push(word.unknown);
  // Each unknown value's character names its reason; the text keeps what is known.
  const text = raw.replace(UNKNOWN_CHARS, (char) => {
    reasons.push(unknowns[unknownIndex(char)] ?? 'a value flagdiff does not compute');
    return '';
  });
  if (text.includes('%')) for (const [written, brace, name] of text.matchAll(/%(\{?)[?!]*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (undefinedMacros.has(name!)) reasons.push(`${written}${brace ? '}' : ''} is not defined here (a distribution's macro? give it with --define, or its file with --load)`);
  }
  const first = word.pieces.find((piece) => piece.text.trim() !== '');
  const origin = first ? locate(first.origin, first.text) : clean(word.origin);
  const unique = [...new Set(reasons)];
  return unique.length ? { text, origin, unknown: unique.join('; ') } : { text, origin };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** Line n of the expanded section → where its first visible character was written, tagged with n. */
function lineMapper(body: SpannedText, starts: readonly number[], section: Origin): (line: number) => Origin {
  const cache = new Map<number, Origin>();
  return (line) => {
    const start = starts[line - 1];
    if (start === undefined || start >= body.text.length) return section;
    let origin = cache.get(line);
    if (!origin) {
      const end = line < starts.length ? starts[line]! : body.text.length;
      origin = { ...(originAt(body, firstVisible(body.text, start, end)) ?? section), [SCRIPT_LINE]: line } as Tagged;
      cache.set(line, origin);
    }
    return origin;
  };
}

/**
 * The origin of a word's text: found in the line the shell says it is on, the origin of its first
 * character there, after the function calls that led to it. Text not found there (an escape changed
 * it) keeps the line's origin.
 */
function preciseOrigin(body: SpannedText, starts: readonly number[], shellOrigin: Origin, text: string): Origin {
  const line = (shellOrigin as Tagged)[SCRIPT_LINE];
  if (line === undefined) return clean(shellOrigin);
  const start = starts[line - 1]!;
  const end = line < starts.length ? starts[line]! : body.text.length;
  const at = body.text.slice(start, end).indexOf(text);
  if (at === -1) return clean(shellOrigin);
  const own = originAt(body, start + at)!;
  // The shell's via is the calls, then the line's own chain (src/eval/shell originAt): keep the calls.
  const lineOrigin = originAt(body, firstVisible(body.text, start, end))!;
  const calls = (shellOrigin.via ?? []).slice(0, (shellOrigin.via?.length ?? 0) - (lineOrigin.via?.length ?? 0));
  const via = [...calls.map(clean), ...(own.via ?? [])];
  return via.length ? { file: own.file, line: own.line, via } : { file: own.file, line: own.line };
}

/** The first character of a line that is not a blank (the line's newline, when it is all blanks). */
function firstVisible(text: string, start: number, end: number): number {
  let at = start;
  while (at < end - 1 && /\s/.test(text[at]!)) at++;
  return at;
}

/** An origin as plain data: no tag, each step of `via` cleaned too. */
function clean(origin: Origin): Origin {
  return {
    file: origin.file,
    line: origin.line,
    ...(origin.name === undefined ? {} : { name: origin.name }),
    ...(origin.via?.length ? { via: origin.via.map(clean) } : {}),
  };
}
