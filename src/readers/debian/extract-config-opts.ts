/**
 * Debian's QEMU packaging keeps system-specific configure options as comments in debian/control, and
 * debian/rules passes `$(shell sh debian/extract-config-opts $(DEB_HOST_ARCH_OS)-$(DEB_HOST_ARCH) debian/control)`
 * to configure. This is what that script prints, worked out from the text alone: its patterns are shell
 * code to the script (`eval "case ... in ($p) ..."`), and flagdiff never runs what an input holds.
 *
 * Two versions of the script exist. Bookworm's (QEMU 7.2) puts the whole pattern field into one `case`,
 * so an arch name must be written as `linux-amd64`: its `i386|amd64|...` fields match no Linux arch.
 * Trixie's (QEMU 10.0) takes the field word by word, rewriting `linux-any` to `linux-*` and a bare
 * arch name `amd64` to `linux-amd64`; every matching word prints the flags once more.
 */
import { createHash } from 'node:crypto';
import { compilePattern, matchPattern } from '../../eval/shell/glob-pattern.js';
import type { ConfigOptionLine, DebianControl } from './debian-control.js';

/** `whole-field`: bookworm's script (QEMU 7.2); `per-word`: trixie's (QEMU 10.0). */
export type ExtractScript = 'whole-field' | 'per-word';

/**
 * SHA-256 of each known script's code: its lines without indentation, blank and comment lines left out.
 * A script that differs in anything else (one more command, another pattern rewrite) is not recognised.
 */
const KNOWN_SCRIPTS: Readonly<Record<string, ExtractScript>> = {
  ba9ce19c4c0496238254e38954fe647458a43b868cc8ca4c9924a6541db583d4: 'whole-field',
  abec173af2b8b550614ac52c7ff319ce92e3a4549b8cf53698c43082bd88578a: 'per-word',
};

/** Which of the two known scripts a debian/extract-config-opts text is; `undefined` for any other, whose output only running it could tell. */
export function extractScriptOf(scriptText: string): ExtractScript | undefined {
  const code = scriptText
    .split('\n')
    .filter((line) => !/^\s*(#|$)/.test(line))
    .map((line) => line.trimStart())
    .join('\n');
  return KNOWN_SCRIPTS[createHash('sha256').update(code).digest('hex')];
}

/**
 * The flags the script prints for `osArch` (`linux-amd64`), in order, each with its line in
 * debian/control. Where the script's shell would stop with a syntax error (bookworm's script given a
 * field of several words, an empty `|` alternative), the flags printed up to there are the result.
 * Not reproduced: pathname expansion of the script's unquoted `$p` and `$f` (taken to match no file)
 * and pattern text the shell would expand (`$x`, quotes, `~`): such an alternative matches nothing.
 */
export function configOptionsFor(control: DebianControl, osArch: string, script: ExtractScript = 'per-word'): Array<{ flag: string; line: number }> {
  const printed: Array<{ flag: string; line: number }> = [];
  for (const option of control.configOptions) {
    const words = script === 'per-word' ? perWordPatterns(option) : wholeFieldPatterns(option);
    if (words === 'syntax-error') break;
    for (const pattern of words) {
      const matched = caseMatches(pattern, osArch);
      if (matched === 'syntax-error') return printed;
      if (matched) printed.push(...option.flags.map((flag) => ({ flag, line: option.line })));
    }
  }
  return printed;
}

/**
 * Bookworm: `[ -n "$p" ] || p="*"`, then the field as one case pattern. Blanks around `|` are the shell's
 * token separators; two words not joined by `|` do not parse.
 */
function wholeFieldPatterns(option: ConfigOptionLine): string[] | 'syntax-error' {
  if (option.patterns.length === 0) return ['*'];
  const pattern = option.patterns.join(' ').replace(/ ?\| ?/g, '|');
  return pattern.includes(' ') ? 'syntax-error' : [pattern];
}

/** Trixie: no words prints the flags; otherwise each word, rewritten as the script's `case "$p"` does. */
function perWordPatterns(option: ConfigOptionLine): string[] {
  if (option.patterns.length === 0) return ['*'];
  return option.patterns.map((p) => (p.endsWith('-any') ? `${p.slice(0, -'-any'.length)}-*` : p.includes('-') ? p : `linux-${p}`));
}

/** Shell syntax that does not parse inside `case ... in (...)`: an operator, or a word that starts a comment. */
const SYNTAX_ERROR = /[;&()<>]|^#/;
/** Text the shell would expand or unquote before matching (`$1`, `$(...)`, quotes, `~`): not followed here. */
const EXPANDED = /[$`'"\\]|^~/;

/**
 * `eval "case $osarch in ($pattern) ..."`: the `|` alternatives as dash's globs, where `[^a]` is the set
 * of `^` and `a` (dash negates with `!` only). The shell parses the whole command before matching, so
 * an empty alternative or an operator anywhere is a syntax error.
 */
function caseMatches(pattern: string, osArch: string): boolean | 'syntax-error' {
  const alternatives = pattern.split('|');
  const broken = (alternative: string) => alternative === '' || (!EXPANDED.test(alternative) && SYNTAX_ERROR.test(alternative));
  if (alternatives.some(broken)) return 'syntax-error';
  return alternatives.some((alternative) => {
    if (EXPANDED.test(alternative)) return false;
    return matchPattern(compilePattern([{ text: alternative.replace(/\[\^/g, '[\\^'), quoted: false }]), osArch);
  });
}
