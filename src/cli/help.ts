/** Help texts, kept apart so `--help` loads nothing else. */

export const MAIN_HELP = `flagdiff: compare a distribution's kernel and QEMU builds with what Kata Containers needs

Usage:
  flagdiff kernel [options] CANDIDATE...   compare kernel configs with Kata's guest-kernel requirements
  flagdiff qemu   [options] CANDIDATE...   compare QEMU builds or binaries with Kata's QEMU build
  flagdiff check  [options]                this host: its kernel config and QEMU binary against Kata's
  flagdiff show   [options] SOURCE...      print what flagdiff read: settings with the line of each,
                                           Kata's kernel, QEMU options and devices, or the builds
                                           of a spec file or debian/rules

Run 'flagdiff <command> --help' for the options of a command.

Options:
  --help       this text
  --version    the version of flagdiff

Exit status: 0 nothing at or above --fail-on, 1 findings (not waived) at or above it, 2 usage or
input error.
Findings are explained at https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md
`;

/** The options every comparing command shares: the report's format, threshold and destination. */
const OUTPUT_OPTIONS = `  -f, --format F        text (default) | json | markdown (PR comments, job summaries) |
                        sarif (code scanning) | github (workflow annotations) | diff
      --waivers FILE    accept known differences: an INI file, one [KEY or glob] section per
                        waiver with a reason (see the README); repeatable
      --fail-on LEVEL   error (default) | warning | info | never; waived findings never count
      --category NAME   which run this is, for a bot: the SARIF category and the Markdown
                        comment's marker (pr-123/debian-amd64)
  -o, --output FILE     write the report to FILE (atomically) instead of standard output
  -q, --quiet           text: only the summary line of each report
      --no-color        no colour (also NO_COLOR=1); --color forces it
  -h, --help            this text
`;

/** The options `kernel` and `check` share: module evidence, then the output options. */
const MODULES_AND_OUTPUT = `      --modules         the guest can load modules: m for y is unproven unless shown loaded
      --initramfs-modules FILE
                        dracut drivers config or module list (lsinitramfs output): the modules the
                        guest's initramfs carries; m for y is satisfied when listed (repeatable)
${OUTPUT_OPTIONS}`;

const KERNEL_HELP = `Usage: flagdiff kernel [options] CANDIDATE...

Compares each CANDIDATE kernel config with a reference and reports what is missing, turned off,
built as a module, set to another value, or enabled against the reference's wish.

CANDIDATE is a .config, /boot/config-*, a fragment, a .gz or .xz file (/proc/config.gz, Debian's
config.amd64_none_amd64.xz), - for stdin, or a distro's config sources: a kernel-ark redhat/configs
tree (priority.* files), a Debian debian/config tree (defines or defines.toml), or Ubuntu
annotations (FORMAT 4). Partial sources (Fedora dist-git configs, trees) leave derived symbols out:
what they do not mention is reported unknown, not missing.

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
      --layout L        config | redhat-configs | debian-config | ubuntu-annotations (default: detected)
      --variant NAME    for trees: x86_64-debug-fedora, amd64_none_cloud-amd64, amd64-generic or a
                        flavour of --arch (default: the tree's default for the arch)
${MODULES_AND_OUTPUT}Examples:
  flagdiff kernel /boot/config-$(uname -r)
  flagdiff kernel --arch aarch64 --format json config-arm64
  flagdiff kernel --flavor kata-deploy --arch aarch64 config-arm64
  flagdiff kernel -r ~/src/kata-containers .config
  flagdiff kernel -r fragments/common -r fragments/x86_64 .config
  flagdiff kernel --variant x86_64-debug-fedora redhat/configs
  flagdiff kernel --arch x86_64 --variant cloud-amd64 debian/config
  flagdiff kernel --modules --initramfs-modules modules.txt /boot/config-$(uname -r)
  flagdiff kernel --waivers waivers.ini --format sarif -o flagdiff.sarif .config
`;

const CHECK_HELP = `Usage: flagdiff check [options]

Finds this host's kernel config (/proc/config.gz, /boot/config-$(uname -r),
/lib/modules/$(uname -r)/config) and its QEMU binary (qemu-system-<arch> on PATH,
/usr/libexec/qemu-kvm, /opt/kata/bin), says which it found and where it looked, and compares the
kernel config with the built-in Kata profile and the binary with Kata's QEMU reference, as
flagdiff qemu BINARY does (running it with -device/-machine/-object help only).

Options:
      --flavor NAME     built-in profile flavour (default: plain)
${MODULES_AND_OUTPUT}
Exit status: as flagdiff kernel; 2 also when no kernel config was found or Kata builds no guest
for this machine.
`;

const SHOW_HELP = `Usage: flagdiff show [options] SOURCE...

Prints what flagdiff read from each SOURCE, normalised and sorted, with the file and line of every
value and the earlier assignments it overrode. For an rpm spec file or Debian's debian/rules,
prints for each arch the configure and meson invocations its build runs, every word with its line
and the macros, make variables and shell functions it came through. Nothing in them is run.

SOURCE is kata, a Kata checkout, a kernel config file (.gz, .xz too), Ubuntu annotations, a
distro config tree (redhat/configs, debian/config), a fragment directory, a *.spec file, a
debian/rules file (or, with --domain qemu, the debian directory or the source tree holding it), a
QEMU flags file or a qemu-system-* binary (with --domain qemu; the binary is run with -device help,
-machine help and -object help), or - for stdin.

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

Options for distro trees and annotations:
      --arch ARCH       the arches to show, one entry each (repeatable)
      --variant NAME    which kernel of the tree, as for flagdiff kernel
      --layout L        config | redhat-configs | debian-config | ubuntu-annotations

Options for spec files:
      --arch ARCH       the arches to show (repeatable; default: all)
  -D, --define N=V      define the macro N as V, as rpm --define 'N V' (repeatable),
                        e.g. the distribution: --define fedora=39, --define rhel=9
      --load FILE       a distribution's macro file, as rpmspec --load (repeatable)
      --with X          as rpmbuild --with X (repeatable)
      --without X       as rpmbuild --without X (repeatable)

Options for debian/rules:
      --arch ARCH       the arches to show (repeatable; default: all), uname or Debian names
      --vendor V        debian (default) | ubuntu: what dpkg-vendor --derives-from answers
      --profile NAME    a build profile, as DEB_BUILD_PROFILES (repeatable)

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
  flagdiff show debian/config --arch x86_64
  flagdiff show qemu.flags --domain qemu
  flagdiff show /usr/bin/qemu-system-x86_64 --domain qemu
  flagdiff show qemu.spec --arch aarch64 --define fedora=39
  flagdiff show qemu-kvm.spec --define rhel=9 --format json
  flagdiff show qemu-10.0.13/debian/rules --arch x86_64 --vendor ubuntu
`;

const QEMU_HELP = `Usage: flagdiff qemu [options] CANDIDATE...

Compares each CANDIDATE QEMU build with Kata's: features it lacks, turns off or leaves to the build
machine (auto), options with another value, hardening differences, targets, options the QEMU version
does not accept, and for a binary the devices, machine types and objects Kata's runtime uses.

CANDIDATE is a spec file (qemu.spec: the configure invocation of its build that makes
qemu-system-ARCH, read as rpm and the shell would without running anything, its Version: as the
QEMU version), Debian's packaging (debian/rules, the debian directory or the source tree holding
it: read as GNU make, dpkg-buildpackage and the shell would, Debian's tools answered from its
debian/control and debian/changelog, nothing run), a flags file (configure options on one line or one per line, or what
configure-hypervisor.sh -d prints), a meson -D list, a qemu-system-* binary (run only with
-device help, -machine help and -object help), or kata (Kata's own build, to check it
against a QEMU version).

Options:
  -r, --reference REF   kata (the built-in Kata reference, the default), kata-1.x, a Kata checkout
                        (read now), or a flags file whose options replace Kata's
      --arch ARCH       x86_64 aarch64 s390x ppc64le (repeatable); default: the candidate's own,
                        from its --target-list or the binary's name; x86_64 for a spec
      --flavor NAME     Kata's QEMU build: plain (the default) or no-shared-fs
      --qemu-version V  the QEMU version the candidate builds (e.g. 4.2.0; default: a spec's
                        Version:): its defaults and the options it accepts; with the candidate
                        kata, Kata's build for QEMU V (a checkout is evaluated for V)
      --build ID        which configure invocation of a recipe (its directory: build-mini,
                        b/microvm); default: the one installed as qemu-system-ARCH (a spec's
                        last, debian/rules' first)
  -D, --define NAME=VALUE, --load FILE, --with X, --without X
                        a spec's macros, macro files and %bcond switches, as for rpmbuild
                        (repeatable)
      --vendor V, --profile NAME
                        debian/rules': debian (default) or ubuntu; DEB_BUILD_PROFILES (repeatable)
      --qemu-tree DIR   a QEMU source tree (e.g. apt-get source qemu): the candidate's devices are
                        evaluated with its Kconfig files, as QEMU's minikconf does (debian/rules
                        inside such a tree is read with it)
      --devices [TARGET[/NAME][+]=]FILE
                        a device file the recipe puts in place of configs/devices/TARGET/NAME.mak
                        (default: the compared target's), or with += appends to it (repeatable)
      --reference-devices FILE
                        the reference's device file (CONFIG_X=y|n lines): devices it needs or
                        turns off (repeatable, merged in order); default: Kata's build-qemu.sh list
${OUTPUT_OPTIONS}
Examples:
  flagdiff qemu /usr/bin/qemu-system-x86_64
  flagdiff qemu --qemu-version 11.1.0 kata
  flagdiff qemu --qemu-version 4.1.0 mini-configure-flags.txt
  flagdiff qemu --build build-mini --define fedora=31 qemu.spec
  flagdiff qemu --arch aarch64 --flavor no-shared-fs qemu-kvm.spec
  flagdiff qemu --build b/microvm qemu-10.0.13+ds
  flagdiff qemu --qemu-tree qemu-7.2 --devices x86_64-softmmu/microvm=microvm.mak microvm.flags
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = { kernel: KERNEL_HELP, qemu: QEMU_HELP, check: CHECK_HELP, show: SHOW_HELP };
