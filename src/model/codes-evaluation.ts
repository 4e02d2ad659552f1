/** FD3xx: constructs not evaluated statically (commands, Lua, unknown values), reported and never run. */
import type { CodeInfo } from './codes.js';

export const EVALUATION_CODES = {
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
  FD324: {
    name: 'make-shell',
    severity: 'warning',
    summary: 'A makefile runs a command ($(shell ...), !=) that flagdiff neither runs nor emulates, so its output is unknown.',
  },
  FD325: {
    name: 'make-construct',
    severity: 'warning',
    summary: 'A makefile line flagdiff does not evaluate, or one GNU make would stop at ($(error ...), a missing separator).',
  },
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
  FD342: {
    name: 'host-symbol-unknown',
    severity: 'info',
    summary: 'A host Kconfig symbol depends on the build machine (a feature left auto), so devices that depend on it may or may not be built.',
  },
  FD343: {
    name: 'host-symbol-unmodelled',
    severity: 'warning',
    summary: 'The QEMU tree declares a host Kconfig symbol whose rule flagdiff does not know; it is treated as unknown.',
  },
} as const satisfies Record<string, CodeInfo>;
