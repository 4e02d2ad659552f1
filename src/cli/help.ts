/** Help texts, kept apart so `--help` loads nothing else. */

export const MAIN_HELP = `flagdiff: compare a distribution's kernel configuration with what Kata Containers needs

Usage:
  flagdiff kernel [options] CANDIDATE...   compare kernel configs with Kata's guest-kernel requirements
  flagdiff show   [options] SOURCE...      print what flagdiff read: settings with the line of each,
                                           or Kata's kernel, QEMU options and devices

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
  -r, --reference REF   kata (the built-in Kata profile, the default), a Kata checkout (read
                        live, its lints reported), or fragment files and directories of *.conf,
                        merged in the order given (repeatable)
      --arch ARCH       x86_64 aarch64 s390x ppc64le riscv64 (repeatable: one report per arch);
                        default: the candidate's own, from its header
      --flavor NAME     Kata's build: plain (default), confidential, measured, nvidia-gpu, debug,
                        signing, kata-deploy (what kata-deploy ships), dragonball-experimental,
                        arm-experimental; combine with + (confidential+measured)
      --kernel-version V  the kernel version for Kata's whitelist-<V>.conf (default: Kata's pin)
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
  flagdiff kernel --flavor kata-deploy --arch aarch64 config-arm64
  flagdiff kernel -r ~/src/kata-containers .config
  flagdiff kernel -r fragments/common -r fragments/x86_64 .config
`;

export const SHOW_HELP = `Usage: flagdiff show [options] SOURCE...

Prints what flagdiff read from each SOURCE, normalised and sorted, with the file and line of every
value and the earlier assignments it overrode.

SOURCE is kata, a Kata checkout, a kernel config file, a fragment directory, or - for stdin.

Options for Kata:
  -r, --reference REF   with SOURCE kata: kata (built in, the default), kata-1.x (built in, QEMU
                        only), or a Kata checkout, read live
      --domain D        kernel (default): the guest-kernel requirements; qemu: configure-hypervisor.sh's
                        options in its order, with its tags; devices: build-qemu.sh's device list
      --arch ARCH       the arches to show (repeatable; default: all Kata builds)
      --flavor NAME     kernel: plain (default), confidential, measured, nvidia-gpu, debug, signing,
                        kata-deploy, a build type, or a + combination; qemu and devices: plain,
                        no-shared-fs, snp-experimental, tdx-experimental
      --qemu-version V  evaluate a checkout's scripts for this QEMU version (default: its pin)
      --kernel-version V  the kernel version for the whitelist (default: Kata's pin)

Options:
  -f, --format F        text (default) | json
  -o, --output FILE     write to FILE instead of standard output
      --no-color        no colour (also NO_COLOR=1); --color forces it
  -h, --help            this text

Examples:
  flagdiff show kata --arch x86_64 --domain qemu
  flagdiff show kata --domain devices --flavor no-shared-fs
  flagdiff show ~/src/kata-containers --domain qemu --qemu-version 10.0.0
  flagdiff show .config
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = { kernel: KERNEL_HELP, show: SHOW_HELP };
