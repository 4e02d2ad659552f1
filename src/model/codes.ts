/**
 * The registry of every code flagdiff reports. Layers: FD1xx reading, FD2xx comparison,
 * FD3xx not evaluated statically, FD4xx lint of the reference itself. A code is stable once
 * released and never reused; each has a section in docs/findings.md.
 */
import type { Severity } from './severity.js';

export interface CodeInfo {
  /** Short kebab-case name, stable like the code. */
  readonly name: string;
  /** Severity unless the context lowers it (e.g. a requirement Kata allows to be absent). */
  readonly severity: Severity;
  /** One sentence: what the code means. */
  readonly summary: string;
}

export const CODES = {
  FD101: {
    name: 'unexpected-line',
    severity: 'warning',
    summary: 'A line is neither an assignment, a "# CONFIG_X is not set" line, a comment nor blank.',
  },
  FD102: {
    name: 'reassigned',
    severity: 'warning',
    summary: 'A symbol is assigned more than once in one file; the last assignment wins.',
  },
  FD103: {
    name: 'invalid-value',
    severity: 'warning',
    summary: 'A value is not y, m, n, a number or a quoted string.',
  },
  FD104: {
    name: 'unreadable-input',
    severity: 'error',
    summary: 'An input cannot be read: missing, a directory, binary, too large, or corrupt.',
  },
  FD105: {
    name: 'no-settings',
    severity: 'error',
    summary: 'An input holds no setting at all, so it is not a kernel configuration.',
  },
  FD106: {
    name: 'arch-mismatch',
    severity: 'warning',
    summary: 'The candidate was built for another architecture than the one compared.',
  },
  FD110: {
    name: 'not-a-kata-checkout',
    severity: 'error',
    summary: 'A path given as a Kata reference is not a Kata checkout.',
  },
  FD111: {
    name: 'kata-build-fails',
    severity: 'error',
    summary: "Kata's own build script would stop with an error for this arch, flavour or version.",
  },
  FD112: {
    name: 'kata-version-unknown',
    severity: 'warning',
    summary: 'The version Kata pins for the kernel or QEMU could not be read from the checkout.',
  },
  FD113: {
    name: 'kata-option-unknown',
    severity: 'warning',
    summary: "A configure option or device line of Kata's scripts could not be evaluated statically.",
  },
  FD120: {
    name: 'macro-error',
    severity: 'error',
    summary: 'A macro cannot be expanded (unterminated, illegal name, empty body, bad option, %{error:}); rpm stops here.',
  },
  FD121: {
    name: 'expansion-limit',
    severity: 'error',
    summary: 'Macro expansion went past a bound (nesting, length or total work) and was stopped.',
  },
  FD122: {
    name: 'bad-condition',
    severity: 'error',
    summary: 'An %if or %elif condition is not a valid expression, or an %ifarch names no arch; it is read as false.',
  },
  FD123: {
    name: 'unbalanced-conditional',
    severity: 'error',
    summary: 'An %else, %elif or %endif has no %if, or an %if is never closed.',
  },
  FD124: {
    name: 'include-refused',
    severity: 'error',
    summary: "An %include names a file outside the spec's directory, or one that cannot be read.",
  },
  FD125: {
    name: 'unclosed-line',
    severity: 'error',
    summary: 'The spec ends inside a continued line or an unclosed %{, %( or %[.',
  },
  FD126: {
    name: 'extra-tokens',
    severity: 'warning',
    summary: 'Text follows %else or %endif on its line; rpm ignores it.',
  },
  FD127: {
    name: 'undefined-in-condition',
    severity: 'info',
    summary: 'A condition reads a macro that is not defined; like rpm, flagdiff compares its name as written.',
  },
  FD128: {
    name: 'no-build-section',
    severity: 'warning',
    summary: 'The spec has no %build section, so it runs no configure.',
  },
  FD129: {
    name: 'arch-excluded',
    severity: 'info',
    summary: "The spec's ExclusiveArch or ExcludeArch leaves out the arch: rpm does not build it there.",
  },
  FD201: {
    name: 'missing',
    severity: 'error',
    summary: 'The reference requires a setting that the candidate does not mention at all.',
  },
  FD202: {
    name: 'disabled',
    severity: 'error',
    summary: 'The reference requires a setting that the candidate explicitly turns off.',
  },
  FD203: {
    name: 'module',
    severity: 'error',
    summary: 'The candidate builds as a module what the reference needs built in.',
  },
  FD204: {
    name: 'value',
    severity: 'warning',
    summary: 'The candidate gives a setting another value than the reference.',
  },
  FD205: {
    name: 'extra',
    severity: 'warning',
    summary: 'The candidate enables what the reference turns off.',
  },
  FD301: {
    name: 'command-substitution',
    severity: 'warning',
    summary: 'A $(...) or backtick runs a command flagdiff does not run, so its output is unknown.',
  },
  FD302: {
    name: 'undecided',
    severity: 'warning',
    summary: 'A condition, loop list or case subject is unknown statically, so what depends on it was not evaluated.',
  },
  FD303: {
    name: 'unsupported-shell',
    severity: 'warning',
    summary: 'A shell construct flagdiff does not evaluate, or a syntax error where bash would stop too.',
  },
  FD304: {
    name: 'evaluation-limit',
    severity: 'error',
    summary: 'Evaluating a script reached a bound on steps, loop iterations, call depth or value size, and stopped.',
  },
  FD305: {
    name: 'pathname-expansion',
    severity: 'warning',
    summary: 'An unquoted pattern expands to the files present on the build machine, which flagdiff cannot know.',
  },
  FD306: {
    name: 'dynamic-code',
    severity: 'warning',
    summary: 'eval of text unknown statically, or source of another file, was not followed.',
  },
  FD320: {
    name: 'shell-command',
    severity: 'warning',
    summary: 'A macro runs a shell command (%(...)); flagdiff does not run it, so its output is unknown.',
  },
  FD321: {
    name: 'lua-code',
    severity: 'warning',
    summary: 'A macro runs Lua code (%{lua:...}); flagdiff does not run it, so its output is unknown.',
  },
  FD322: {
    name: 'host-query',
    severity: 'warning',
    summary: 'A macro asks the machine running rpm (environment, files, processors); its value is unknown.',
  },
  FD323: {
    name: 'depends-on-unknown',
    severity: 'warning',
    summary: 'A condition or a computed value depends on a value flagdiff does not know; a condition is read as false.',
  },
  FD401: {
    name: 'whitelist-empty-line',
    severity: 'warning',
    summary: "An empty line in Kata's kernel whitelist matches everything and disables build-kernel.sh's check.",
  },
  FD402: {
    name: 'tag-never-matches',
    severity: 'warning',
    summary: 'A !tag in a Kata fragment can never exclude it: not a kernel arch name, or not a common fragment.',
  },
  FD403: {
    name: 'comment-mentions-symbol',
    severity: 'warning',
    summary: 'A comment in a Kata fragment names a CONFIG_ symbol, which merge_config.sh greps as if requested.',
  },
  FD404: {
    name: 'conflicting-fragments',
    severity: 'warning',
    summary: 'Two Kata fragments that one build merges give a symbol different values.',
  },
  FD405: {
    name: 'template-variable',
    severity: 'warning',
    summary: 'A variable in a Kata fragment is left unsubstituted, or substituted from the build environment.',
  },
  FD406: {
    name: 'unreachable-fragment',
    severity: 'info',
    summary: 'A Kata fragment that build-kernel.sh never merges, whatever the arch and options.',
  },
  FD410: {
    name: 'unrecognised-tag',
    severity: 'error',
    summary: 'A configure-hypervisor.sh option has a missing or unrecognised tag; the script would stop.',
  },
  FD411: {
    name: 'duplicate-option',
    severity: 'info',
    summary: 'configure-hypervisor.sh gives the same configure option more than once.',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Where each code is documented; the anchor is the lower-cased code. */
export const FINDINGS_DOCS_URL = 'https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md';

export function docsUrl(code: Code): string {
  return `${FINDINGS_DOCS_URL}#${code.toLowerCase()}`;
}
