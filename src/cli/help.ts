/** Help texts, kept apart so `--help` loads nothing else. */

export const MAIN_HELP = `flagdiff: compare a distribution's kernel configuration with what Kata Containers needs

Usage:
  flagdiff kernel [options] CANDIDATE...   compare kernel configs with Kata's guest-kernel requirements
  flagdiff show   [options] SOURCE...      print what flagdiff read: settings, or a spec's builds, with lines

Run 'flagdiff <command> --help' for the options of a command.

Options:
  --help       this text
  --version    the version of flagdiff

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.
Findings are explained at https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md
`;

export const KERNEL_HELP = `Usage: flagdiff kernel [options] CANDIDATE...

Compares each CANDIDATE kernel config with a reference and reports what is missing, turned off,
built as a module, set to another value, or enabled against the reference's wish.

CANDIDATE is a .config, /boot/config-*, a fragment, a .gz file (/proc/config.gz), or - for stdin.

Options:
  -r, --reference REF   kata (the built-in Kata profile, the default), or fragment files and
                        directories of *.conf, merged in the order given (repeatable)
      --arch ARCH       x86_64 aarch64 s390x ppc64le riscv64 (repeatable: one report per arch);
                        default: the candidate's own, from its header
      --flavor NAME     built-in profile flavour (default: plain)
      --modules         the guest can load modules: m satisfies y
  -f, --format F        text (default) | json
      --fail-on LEVEL   error (default) | warning | info | never
  -o, --output FILE     write the report to FILE instead of standard output
  -q, --quiet           text: only the summary line of each report
      --no-color        no colour (also NO_COLOR=1); --color forces it
  -h, --help            this text

Examples:
  flagdiff kernel /boot/config-$(uname -r)
  flagdiff kernel --arch aarch64 --format json config-arm64
  flagdiff kernel -r fragments/common -r fragments/x86_64 .config
`;

export const SHOW_HELP = `Usage: flagdiff show [options] SOURCE...

Prints what flagdiff read from each SOURCE, normalised and sorted, with the file and line of every
value and the earlier assignments it overrode. For an rpm spec file, prints for each arch the
configure and meson invocations its %build section runs, every word with its line and the macros
and shell functions it came through. Nothing in the spec is run.

SOURCE is kata (the built-in profile), a kernel config file, a fragment directory, a *.spec file,
or - for stdin.

Options:
      --arch ARCH       for kata and specs: the arches to show (repeatable; default: all)
      --flavor NAME     for kata: the flavour (default: plain)
  -D, --define N=V      for specs: define the macro N as V, as rpm --define 'N V' (repeatable),
                        e.g. the distribution: --define fedora=39, --define rhel=9
      --with X          for specs: as rpmbuild --with X (repeatable)
      --without X       for specs: as rpmbuild --without X (repeatable)
  -f, --format F        text (default) | json
  -o, --output FILE     write to FILE instead of standard output
      --no-color        no colour (also NO_COLOR=1); --color forces it
  -h, --help            this text

Examples:
  flagdiff show qemu.spec --arch aarch64 --define fedora=39
  flagdiff show qemu-kvm.spec --define rhel=9 --format json
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = { kernel: KERNEL_HELP, show: SHOW_HELP };
