/** A build recipe's configure step: the words passed to configure or meson, each with its origin. */
import type { Diagnostic } from './diagnostic.js';
import type { Origin } from './origin.js';

/** One word of a configure or meson invocation, e.g. `--enable-vhost-user` or `-Dvhost_user=enabled`. */
export interface Argument {
  /** The word after static evaluation; when `unknown` is set, the part that could be evaluated. */
  readonly text: string;
  /** Where the word was written; `via` holds the macro or function chain it came through. */
  readonly origin: Origin;
  /** Why the recipe passes it (Kata's tags in configure-hypervisor.sh: `security`, `size`, ...). */
  readonly tags?: readonly string[];
  /** Set when the word could not be evaluated statically: the reason (`%(...)` not executed, ...). */
  readonly unknown?: string;
}

/** One configure or meson invocation of a recipe, for one arch. */
export interface Build {
  /** Stable name within the recipe: the build directory (`build-mini`), or `main`. */
  readonly id: string;
  readonly arch?: string;
  readonly tool: 'configure' | 'meson';
  readonly argv: readonly Argument[];
  /** Where the invocation itself is written. */
  readonly origin: Origin;
  /** Device files the recipe adds to, or changes in, QEMU's tree for this build. */
  readonly devices?: readonly DeviceOverlay[];
}

/**
 * A device file a recipe puts into QEMU's tree before configure: one copied over a tree file or
 * added next to them (`cp`), or lines appended to one (`>>`, as Kata's build-qemu.sh does).
 */
export interface DeviceOverlay {
  /** The system target whose device file it is: `x86_64-softmmu`. */
  readonly target: string;
  /** The device file's name without `.mak`: `default`, or the NAME `--with-devices-ARCH=NAME` picks. */
  readonly name: string;
  readonly mode: 'replace' | 'append';
  /** The recipe's file, as given. */
  readonly file: string;
  /**
   * The lines, when the recipe writes them itself rather than copying a file (Kata's build-qemu.sh
   * `printf ... >> default.mak`), each with where it is written; `file` then names the script.
   */
  readonly written?: ReadonlyArray<{ readonly text: string; readonly origin: Origin }>;
}

/** What a recipe (a spec file, debian/rules) builds on one arch, and what could not be read in it. */
export interface RecipeBuilds {
  /** The recipe as the user named it. */
  readonly source: string;
  readonly arch: string;
  /** In the order the recipe runs them. */
  readonly builds: readonly Build[];
  /** The version of the software it builds, when the recipe says so statically (a spec's `Version:`). */
  readonly version?: string;
  /**
   * Which of several builds making `qemu-system-ARCH` is installed under that name: a spec builds its
   * variants first and the main build last (`last`, the default); debian/rules the main build first.
   */
  readonly installed?: 'first' | 'last';
  /** Configure options the recipe's own patches to QEMU add (debian/patches, a spec's `Patch:` files). */
  readonly patchedOptions?: readonly PatchedOption[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A configure option a patch adds to QEMU's configure: `--with-git-submodules=*`, at the patch's line. */
export interface PatchedOption {
  /**
   * As configure's `case` arm spells it: `--with-git-submodules=*`, `--rhel-version=*`, `--enable-foo`;
   * ANY_OPTION for a patch that lets configure go on past the options it does not know.
   */
  readonly spelling: string;
  readonly origin: Origin;
}

/** Every `--` word, which a configure patched to go on past unknown options takes and ignores. */
export const ANY_OPTION = '--*';
