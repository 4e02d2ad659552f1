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
  FD110: { name: 'not-a-kata-checkout', severity: 'error',
    summary: 'A path given as a Kata reference is not a Kata checkout.' },
  FD111: { name: 'kata-build-fails', severity: 'error',
    summary: "Kata's own build script would stop with an error for this arch, flavour or version." },
  FD112: { name: 'kata-version-unknown', severity: 'warning',
    summary: 'The version Kata pins for the kernel or QEMU could not be read from the checkout.' },
  FD113: { name: 'kata-option-unknown', severity: 'warning',
    summary: "A configure option or device line of Kata's scripts could not be evaluated statically." },
  FD140: {
    name: 'waiver-syntax',
    severity: 'error',
    summary: 'A waiver file line is not a [section], a field = value, a comment or blank; or it repeats a section or a field, or an unquoted ; or # cuts its value short.',
  },
  FD141: {
    name: 'waiver-no-reason',
    severity: 'error',
    summary: 'A waiver gives no reason.',
  },
  FD142: {
    name: 'waiver-bad-field',
    severity: 'error',
    summary: 'A waiver has an unknown field, or a field whose value is not valid (an arch, a domain, a kind, a date).',
  },
  FD150: {
    name: 'unknown-variant',
    severity: 'error',
    summary: 'A distro config tree has no variant, flavour or arch by the name asked for.',
  },
  FD151: {
    name: 'missing-layer',
    severity: 'warning',
    summary: 'A layer that the distro build would merge is absent from the tree.',
  },
  FD152: {
    name: 'option-file-mismatch',
    severity: 'warning',
    summary: 'A kernel-ark one-option file sets another symbol than its name, or more than one.',
  },
  FD153: {
    name: 'annotations-syntax',
    severity: 'error',
    summary: 'An Ubuntu annotations line or header cannot be parsed; the upstream tool stops there too.',
  },
  FD154: {
    name: 'include-loop',
    severity: 'error',
    summary: 'An annotations include names a file already being read, or nests too deep.',
  },
  FD155: {
    name: 'defines-syntax',
    severity: 'warning',
    summary: 'A Debian defines or defines.toml file has a line or value the packaging scripts would not read.',
  },
  FD156: {
    name: 'module-list-line',
    severity: 'warning',
    summary: 'A line of a module list or dracut configuration names no module flagdiff can count.',
  },
  FD170: {
    name: 'not-an-option',
    severity: 'warning',
    summary: 'A word of a QEMU configure or meson invocation is not an option.',
  },
  FD171: {
    name: 'option-overridden',
    severity: 'info',
    summary: 'One invocation sets a QEMU option twice with different values; the last one wins.',
  },
  FD172: {
    name: 'target-list-conflict',
    severity: 'error',
    summary: 'One invocation passes both --target-list and --target-list-exclude, which configure refuses.',
  },
  FD173: {
    name: 'not-qemu-help',
    severity: 'error',
    summary: 'What a qemu-system binary printed for -device, -machine or -object help is not QEMU help output.',
  },
  FD176: {
    name: 'no-options',
    severity: 'error',
    summary: 'A flags file or meson -D list holds no option at all.',
  },
  FD177: { name: 'kconfig-syntax', severity: 'error',
    summary: "A device .mak or Kconfig file has a line QEMU's minikconf cannot parse; the build stops there." },
  FD178: { name: 'kconfig-file-missing', severity: 'error',
    summary: 'A device .mak or Kconfig file, or one it includes, does not exist; the build stops there.' },
  FD179: { name: 'include-loop', severity: 'error',
    summary: 'A device .mak or Kconfig file includes a file that includes it; the build stops there.' },
  FD180: { name: 'include-outside', severity: 'error',
    summary: 'A device .mak or Kconfig file includes a file outside the directory given; flagdiff does not read it.' },
  FD181: { name: 'device-reassigned', severity: 'error',
    summary: 'A device configuration sets a symbol both to y and to n; minikconf stops with "contradiction between clauses".' },
  FD182: { name: 'undefined-symbol', severity: 'error',
    summary: 'A device configuration or Kconfig file names a symbol that no Kconfig file of the QEMU tree declares; minikconf stops.' },
  FD183: { name: 'device-config-missing', severity: 'error',
    summary: '--with-devices-ARCH=NAME names a device file the QEMU tree does not have; configure stops.' },
  FD184: { name: 'kconfig-cycle', severity: 'error',
    summary: 'Kconfig symbols depend on each other in a cycle; minikconf stops with "cycle found".' },
  FD185: { name: 'devices-not-evaluated', severity: 'warning',
    summary: 'The device layer of the compared target is not evaluated: the tree has no device file for it, or the build does not build it.' },
  FD186: { name: 'not-a-qemu-tree', severity: 'error',
    summary: 'The directory given as a QEMU source tree has no Kconfig file or no device configurations.' },
  FD187: { name: 'tree-version-mismatch', severity: 'warning',
    summary: 'The QEMU source tree given is another QEMU version than the candidate builds; its devices are evaluated with the tree\'s Kconfig.' },
  FD201: { name: 'missing', severity: 'error',
    summary: 'The reference requires a setting that the candidate does not mention at all.' },
  FD202: { name: 'disabled', severity: 'error',
    summary: 'The reference requires a setting that the candidate explicitly turns off.' },
  FD203: { name: 'module', severity: 'error',
    summary: 'The candidate builds as a module what the reference needs built in.' },
  FD204: { name: 'value', severity: 'warning',
    summary: 'The candidate gives a setting another value than the reference.' },
  FD205: { name: 'extra', severity: 'warning',
    summary: 'The candidate enables what the reference turns off.' },
  FD210: {
    name: 'waiver-expired',
    severity: 'warning',
    summary: 'A waiver is past its expiry date, so the findings it matches count again.',
  },
  FD211: {
    name: 'waiver-unused',
    severity: 'warning',
    summary: 'A waiver matches no finding of the comparisons it applies to.',
  },
  FD220: {
    name: 'unknown',
    severity: 'warning',
    summary: 'The candidate is a partial config that does not mention the symbol, so its value is not known.',
  },
  FD221: {
    name: 'module-unproven',
    severity: 'warning',
    summary: 'The candidate builds as a module what the reference needs, and nothing shows the guest loads it.',
  },
  FD230: {
    name: 'feature-missing',
    severity: 'error',
    summary: 'The reference enables a QEMU feature that the candidate does not build: not mentioned, so off by default.',
  },
  FD231: {
    name: 'feature-disabled',
    severity: 'error',
    summary: 'The reference enables a QEMU feature that the candidate explicitly disables.',
  },
  FD232: {
    name: 'feature-auto',
    severity: 'warning',
    summary: 'The reference requires a QEMU feature that the candidate leaves to the build machine (auto).',
  },
  FD233: {
    name: 'feature-extra',
    severity: 'warning',
    summary: 'The candidate builds, or may build, a QEMU feature that the reference turns off.',
  },
  FD234: {
    name: 'unknown-option',
    severity: 'error',
    summary: 'An option that this QEMU version does not accept: configure stops with "unknown option".',
  },
  FD235: {
    name: 'option-unverified',
    severity: 'info',
    summary: 'Whether this QEMU version accepts an option cannot be told from the versions flagdiff knows.',
  },
  FD236: {
    name: 'option-value',
    severity: 'warning',
    summary: 'The candidate gives a QEMU option (a boolean, a choice, a list) another value than the reference.',
  },
  FD237: {
    name: 'target-missing',
    severity: 'error',
    summary: 'The candidate does not build the system emulator target the reference builds.',
  },
  FD238: {
    name: 'hardening',
    severity: 'warning',
    summary: 'The candidate differs from the reference in a hardening or linkage option.',
  },
  FD239: {
    name: 'device-missing',
    severity: 'error',
    summary: 'A device the reference needs is not in the candidate: not in its -device help, or not in its device configuration.',
  },
  FD240: {
    name: 'machine-missing',
    severity: 'error',
    summary: 'The machine type the reference boots is not in the candidate binary.',
  },
  FD241: {
    name: 'object-missing',
    severity: 'error',
    summary: 'An -object type the reference uses is not in the candidate binary.',
  },
  FD242: { name: 'device-disabled', severity: 'error',
    summary: 'A device the reference needs is set to n by the candidate\'s device configuration.' },
  FD243: { name: 'device-feature-off', severity: 'error',
    summary: 'A device the reference needs cannot be built: it depends on a host feature the candidate turns off.' },
  FD244: { name: 'device-auto', severity: 'warning',
    summary: 'Whether a device the reference needs is built depends on the build machine (a feature left auto).' },
  FD245: { name: 'device-conflict', severity: 'error',
    summary: 'The candidate\'s device configuration contradicts QEMU\'s Kconfig (a device on whose dependencies are off); the build stops.' },
  FD246: { name: 'device-extra', severity: 'warning',
    summary: 'The candidate builds, or may build, a device the reference turns off.' },
  FD247: { name: 'device-unresolved', severity: 'info',
    summary: 'Without a QEMU source tree, whether a device the candidate does not list is built cannot be told.' },
  FD248: { name: 'devices-unbuildable', severity: 'error',
    summary: "QEMU's build stops in the candidate's device layer: a device file it cannot parse or find, or a symbol its Kconfig does not declare." },
  FD301: { name: 'command-substitution', severity: 'warning',
    summary: 'A $(...) or backtick runs a command flagdiff does not run, so its output is unknown.' },
  FD302: { name: 'undecided', severity: 'warning',
    summary: 'A condition, loop list or case subject is unknown statically, so what depends on it was not evaluated.' },
  FD303: { name: 'unsupported-shell', severity: 'warning',
    summary: 'A shell construct flagdiff does not evaluate, or a syntax error where bash would stop too.' },
  FD304: { name: 'evaluation-limit', severity: 'error',
    summary: 'Evaluating a script reached a bound on steps, loop iterations, call depth or value size, and stopped.' },
  FD305: { name: 'pathname-expansion', severity: 'warning',
    summary: 'An unquoted pattern expands to the files present on the build machine, which flagdiff cannot know.' },
  FD306: { name: 'dynamic-code', severity: 'warning',
    summary: 'eval of text unknown statically, or source of another file, was not followed.' },
  FD340: {
    name: 'argument-not-evaluated',
    severity: 'warning',
    summary: 'A configure argument could not be evaluated statically (a command substitution, %(...), a Lua macro).',
  },
  FD341: {
    name: 'property-not-checked',
    severity: 'info',
    summary: 'A device or object property the reference relies on cannot be seen in help output.',
  },
  FD342: { name: 'host-symbol-unknown', severity: 'info',
    summary: 'A host Kconfig symbol depends on the build machine (a feature left auto), so devices that depend on it may or may not be built.' },
  FD343: { name: 'host-symbol-unmodelled', severity: 'warning',
    summary: 'The QEMU tree declares a host Kconfig symbol whose rule flagdiff does not know; it is treated as unknown.' },
  FD401: { name: 'whitelist-empty-line', severity: 'warning',
    summary: "An empty line in Kata's kernel whitelist matches everything and disables build-kernel.sh's check." },
  FD402: { name: 'tag-never-matches', severity: 'warning',
    summary: 'A !tag in a Kata fragment can never exclude it: not a kernel arch name, or not a common fragment.' },
  FD403: { name: 'comment-mentions-symbol', severity: 'warning',
    summary: 'A comment in a Kata fragment names a CONFIG_ symbol, which merge_config.sh greps as if requested.' },
  FD404: { name: 'conflicting-fragments', severity: 'warning',
    summary: 'Two Kata fragments that one build merges give a symbol different values.' },
  FD405: { name: 'template-variable', severity: 'warning',
    summary: 'A variable in a Kata fragment is left unsubstituted, or substituted from the build environment.' },
  FD406: { name: 'unreachable-fragment', severity: 'info',
    summary: 'A Kata fragment that build-kernel.sh never merges, whatever the arch and options.' },
  FD410: { name: 'unrecognised-tag', severity: 'error',
    summary: 'A configure-hypervisor.sh option has a missing or unrecognised tag; the script would stop.' },
  FD411: { name: 'duplicate-option', severity: 'info',
    summary: 'configure-hypervisor.sh gives the same configure option more than once.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Where each code is documented; the anchor is the lower-cased code. */
export const FINDINGS_DOCS_URL = 'https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md';

export function docsUrl(code: Code): string {
  return `${FINDINGS_DOCS_URL}#${code.toLowerCase()}`;
}
