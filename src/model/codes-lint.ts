/** FD4xx: problems in the reference itself (Kata's fragments and scripts). */
import type { CodeInfo } from './codes.js';

export const LINT_CODES = {
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
