/**
 * The builds of an expanded %build section: the section runs through the static shell evaluator
 * (src/eval/shell, nothing executed), and every `configure` (`../configure`, `./configure`,
 * `$srcdir/configure`, what `%configure` expands to) and `meson setup` (`%meson`) it reaches becomes a
 * Build, named after the directory it runs in (`pushd build-mini`), each word with its origin.
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

export interface BuildContext {
  readonly file: string;
  readonly arch: string;
  /** The %build header: what the section as a whole is said to be at. */
  readonly origin: Origin;
  /** Why each unknown value of the spec is unknown, by index (PreprocessedSpec.unknowns). */
  readonly unknowns: readonly string[];
}

/** Where the %build script starts: rpm runs it in the unpacked source tree. */
const SOURCE_TREE = '/source';

export function extractBuilds(body: SpannedText, context: BuildContext): { builds: Build[]; diagnostics: readonly Diagnostic[] } {
  const mapLine = lineMapper(body, context.origin);
  // Every build step is taken to succeed: a build that fails produces nothing to compare.
  const run = evaluateShell(parseShell(body.text, context.file), { mapLine, cwd: SOURCE_TREE, externalStatus: 0 });
  const undefinedMacros = new Set(marksIn(body, 0, body.text.length, 'undefined').map((m) => /^%\{(.+)\} is not defined$/.exec(m.reason)?.[1] ?? ''));
  const builds: Build[] = [];
  const ids = new Map<string, number>();
  for (const call of run.commands) {
    const invocation = invocationOf(call);
    if (!invocation) continue;
    const base = buildDirectory(call.cwd);
    const seen = (ids.get(base) ?? 0) + 1;
    ids.set(base, seen);
    builds.push({
      id: seen === 1 ? base : `${base}-${seen}`,
      arch: context.arch,
      tool: invocation.tool,
      argv: call.argv.slice(invocation.first).map((word) => argumentOf(word, context.unknowns, undefinedMacros)),
      origin: call.origin,
    });
  }
  return { builds, diagnostics: run.diagnostics };
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

function argumentOf(word: ShellString, unknowns: readonly string[], undefinedMacros: ReadonlySet<string>): Argument {
  const raw = textOf(word);
  let text = '';
  const reasons: string[] = [];
  if (word.unknown !== undefined) reasons.push(word.unknown);
  for (const char of raw) {
    const index = unknownIndex(char);
    if (index === -1) text += char;
    else reasons.push(unknowns[index] ?? 'a value flagdiff does not compute');
  }
  for (const [written, brace, name] of text.matchAll(/%(\{?)[?!]*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (undefinedMacros.has(name!)) reasons.push(`${written}${brace ? '}' : ''} is not defined here (a distribution's macro? give it with --define)`);
  }
  const origin = word.pieces.find((piece) => piece.text.trim() !== '')?.origin ?? word.origin;
  const unique = [...new Set(reasons)];
  return unique.length ? { text, origin, unknown: unique.join('; ') } : { text, origin };
}

/** Line n of the expanded section → where its first visible character was written. */
function lineMapper(body: SpannedText, section: Origin): (line: number) => Origin {
  const starts = [0];
  for (let at = body.text.indexOf('\n'); at !== -1; at = body.text.indexOf('\n', at + 1)) starts.push(at + 1);
  const cache = new Map<number, Origin>();
  return (line) => {
    const start = starts[line - 1];
    if (start === undefined || start >= body.text.length) return section;
    let origin = cache.get(line);
    if (!origin) {
      const end = line < starts.length ? starts[line]! - 1 : body.text.length;
      let at = start;
      while (at < end - 1 && /\s/.test(body.text[at]!)) at++;
      origin = originAt(body, at) ?? section;
      cache.set(line, origin);
    }
    return origin;
  };
}
