/** FD2xx: comparing a candidate with the reference. */
import type { CodeInfo } from './codes.js';

export const COMPARISON_CODES = {
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
  FD242: {
    name: 'device-disabled',
    severity: 'error',
    summary: 'A device the reference needs is set to n by the candidate\'s device configuration.',
  },
  FD243: {
    name: 'device-feature-off',
    severity: 'error',
    summary: 'A device the reference needs cannot be built: it depends on a host feature the candidate turns off.',
  },
  FD244: {
    name: 'device-auto',
    severity: 'warning',
    summary: 'Whether a device the reference needs is built depends on the build machine (a feature left auto).',
  },
  FD245: {
    name: 'device-conflict',
    severity: 'error',
    summary: 'The candidate\'s device configuration contradicts QEMU\'s Kconfig (a device on whose dependencies are off); the build stops.',
  },
  FD246: {
    name: 'device-extra',
    severity: 'warning',
    summary: 'The candidate builds, or may build, a device the reference turns off.',
  },
  FD247: {
    name: 'device-unresolved',
    severity: 'info',
    summary: 'Without a QEMU source tree, whether a device the candidate does not list is built cannot be told.',
  },
  FD248: {
    name: 'devices-unbuildable',
    severity: 'error',
    summary: "QEMU's build stops in the candidate's device layer: a device file it cannot parse or find, or a symbol its Kconfig does not declare.",
  },
  FD249: {
    name: 'option-from-patch',
    severity: 'info',
    summary: "An option this QEMU version's configure does not accept, which the recipe's own patch to QEMU adds.",
  },
  FD250: {
    name: 'option-obsolete',
    severity: 'info',
    summary: "An option this QEMU version's configure takes and ignores as obsolete: it sets nothing, and what it names is always built.",
  },
  FD260: {
    name: 'option-unknown',
    severity: 'warning',
    summary: 'Whether the candidate meets a QEMU option requirement cannot be told: a word of its invocation that is not evaluated statically sets, or may set, the option.',
  },
} as const satisfies Record<string, CodeInfo>;
