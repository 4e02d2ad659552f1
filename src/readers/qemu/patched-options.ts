/**
 * The configure options a recipe's own patches add to QEMU. Distributions patch QEMU's configure
 * (Debian's 5.2 backports `--with-git-submodules`, RHEL adds `--rhel-version`), so a word upstream's
 * configure rejects may be one the patched configure accepts. Read from the unified diffs, nothing
 * applied: an added `case` arm of `configure` or of `scripts/meson-buildoptions.sh`
 * (`+  --with-git-submodules=*)`), at the patch's line. A patch that takes away the `exit 1` after
 * configure's `ERROR: unknown option` (Clear Linux's) makes it go on past any option it does not
 * know, ignoring it: that is the option `--*` (ANY_OPTION).
 */
import { ANY_OPTION } from '../../model/build.js';
import type { PatchedOption } from '../../model/build.js';

const TARGETS = /(^|\/)(configure|scripts\/meson-buildoptions\.sh)$/;
/** More arms than QEMU's whole configure has (~300): a patch adding more is not one to read further. */
const MAX_ARMS = 1000;
/** A `case` arm of option spellings: `--enable-foo)`, `--with-x=*)`, `--enable-a|--disable-a)`. */
const ARM = /^\s*(--[A-Za-z0-9][\w-]*(?:=[^\s|)]*)?(?:\s*\|\s*--[A-Za-z0-9][\w-]*(?:=[^\s|)]*)?)*)\s*\)/;
/** How far above the removed `exit 1` configure's message may be (an `echo "Try ..."` line between). */
const MESSAGE_REACH = 3;

export function optionsAddedBy(patch: string, file: string): PatchedOption[] {
  const found: PatchedOption[] = [];
  let target = false;
  // The last lines of the current hunk as configure had them (context and removed ones), newest last.
  let before: string[] = [];
  let exitRemoved: PatchedOption | undefined;
  const endHunk = () => {
    if (exitRemoved) found.push(exitRemoved);
    [before, exitRemoved] = [[], undefined];
  };
  patch.split('\n').forEach((line, i) => {
    if (found.length >= MAX_ARMS) return;
    if (line.startsWith('+++ ') || line.startsWith('@@')) endHunk();
    if (line.startsWith('+++ ')) {
      target = TARGETS.test(line.slice(4).split('\t')[0]!.trim());
      return;
    }
    if (!target) return;
    if (line.startsWith('+')) {
      // An `exit` put back in the same hunk keeps unknown options fatal.
      if (/\bexit\b/.test(line)) exitRemoved = undefined;
      const arm = ARM.exec(line.slice(1));
      for (const spelling of arm?.[1]!.split('|') ?? []) found.push({ spelling: spelling.trim(), origin: { file, line: i + 1 } });
    } else if (line.startsWith('-') || line.startsWith(' ')) {
      const text = line.slice(1);
      if (line.startsWith('-') && text.trim() === 'exit 1' && before.some((l) => l.includes('ERROR: unknown option'))) {
        exitRemoved = { spelling: ANY_OPTION, origin: { file, line: i + 1 } };
      }
      before.push(text);
      if (before.length > MESSAGE_REACH) before.shift();
    }
  });
  endHunk();
  return found;
}

/** The patch that makes configure accept `word`: by its exact spelling, by its `=*` arm, or by ignoring what it does not know. */
export function patchAccepting(word: string, options: readonly PatchedOption[]): PatchedOption | undefined {
  const eq = word.indexOf('=');
  const pattern = eq > 0 ? `${word.slice(0, eq)}=*` : undefined;
  return options.find((o) => o.spelling === word || o.spelling === pattern) ?? (word.startsWith('--') ? options.find((o) => o.spelling === ANY_OPTION) : undefined);
}
