/** FD1xx: reading an input (a file, a tree, a checkout, a binary's help output). */
import type { CodeInfo } from './codes.js';

export const READING_CODES = {
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
    summary: 'Macro expansion went past a bound (nesting, length or total work, or macro files defining too many macros) and was stopped.',
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
  FD130: {
    name: 'device-file-outside',
    severity: 'warning',
    summary: "A device file the spec copies into QEMU's tree comes from outside the spec's directory, so it is not read.",
  },
  FD131: {
    name: 'device-file-missing',
    severity: 'warning',
    summary: "A device file the spec copies into QEMU's tree does not exist next to the spec, so the build is compared without it.",
  },
  FD132: {
    name: 'unknown-tag',
    severity: 'warning',
    summary: 'A line of the preamble that rpm 4.18 takes for no tag: rpmbuild stops there with "Unknown tag".',
  },
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
  FD157: {
    name: 'outside-tree',
    severity: 'error',
    summary: 'An input names a file outside the tree it was given in (an include, a listed config, a link), so it is not read.',
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
  FD177: {
    name: 'kconfig-syntax',
    severity: 'error',
    summary: "A device .mak or Kconfig file has a line QEMU's minikconf cannot parse; the build stops there.",
  },
  FD178: {
    name: 'kconfig-file-missing',
    severity: 'error',
    summary: 'A device .mak or Kconfig file, or one it includes, does not exist; the build stops there.',
  },
  FD179: {
    name: 'include-loop',
    severity: 'error',
    summary: 'A device .mak or Kconfig file includes a file that includes it; the build stops there.',
  },
  FD180: {
    name: 'include-outside',
    severity: 'error',
    summary: 'A device .mak or Kconfig file includes a file outside the directory given; flagdiff does not read it.',
  },
  FD181: {
    name: 'device-reassigned',
    severity: 'error',
    summary: 'A device configuration sets a symbol both to y and to n; minikconf stops with "contradiction between clauses".',
  },
  FD182: {
    name: 'undefined-symbol',
    severity: 'error',
    summary: 'A device configuration or Kconfig file names a symbol that no Kconfig file of the QEMU tree declares; minikconf stops.',
  },
  FD183: {
    name: 'device-config-missing',
    severity: 'error',
    summary: '--with-devices-ARCH=NAME names a device file the QEMU tree does not have; configure stops.',
  },
  FD184: {
    name: 'kconfig-cycle',
    severity: 'error',
    summary: 'Kconfig symbols depend on each other in a cycle; minikconf stops with "cycle found".',
  },
  FD185: {
    name: 'devices-not-evaluated',
    severity: 'warning',
    summary: 'The device layer of the compared target is not evaluated: the tree has no device file for it, or the build does not build it.',
  },
  FD186: {
    name: 'not-a-qemu-tree',
    severity: 'error',
    summary: 'The directory given as a QEMU source tree has no Kconfig file or no device configurations.',
  },
  FD187: {
    name: 'tree-version-mismatch',
    severity: 'warning',
    summary: 'The QEMU source tree given is another QEMU version than the candidate builds; its devices are evaluated with the tree\'s Kconfig.',
  },
  FD190: {
    name: 'build-compared',
    severity: 'info',
    summary: 'A recipe runs several configure invocations on the arch: which one was compared, and the others.',
  },
  FD191: {
    name: 'no-system-build',
    severity: 'error',
    summary: 'No configure invocation of the recipe builds the arch\'s qemu-system binary, or the one --build names does not exist.',
  },
  FD192: {
    name: 'no-debian-build',
    severity: 'error',
    summary: 'debian/rules has no build-arch or build target, or none of the recipes it runs on the arch calls configure.',
  },
} as const satisfies Record<string, CodeInfo>;
