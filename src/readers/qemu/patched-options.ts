/**
 * The configure options a recipe's own patches add to QEMU. Distributions patch QEMU's configure
 * (Debian's 5.2 backports `--with-git-submodules`, RHEL adds `--rhel-version`), so a word upstream's
 * configure rejects may be one the patched configure accepts. Read from the unified diffs, nothing
 * applied: an added `case` arm of `configure` or of `scripts/meson-buildoptions.sh`
 * (`+  --with-git-submodules=*)`), at the patch's line.
 */
import type { PatchedOption } from '../../model/build.js';

const TARGETS = /(^|\/)(configure|scripts\/meson-buildoptions\.sh)$/;
/** More arms than QEMU's whole configure has (~300): a patch adding more is not one to read further. */
const MAX_ARMS = 1000;
/** A `case` arm of option spellings: `--enable-foo)`, `--with-x=*)`, `--enable-a|--disable-a)`. */
const ARM = /^\s*(--[A-Za-z0-9][\w-]*(?:=[^\s|)]*)?(?:\s*\|\s*--[A-Za-z0-9][\w-]*(?:=[^\s|)]*)?)*)\s*\)/;

export function optionsAddedBy(patch: string, file: string): PatchedOption[] {
  const found: PatchedOption[] = [];
  let target = false;
  patch.split('\n').forEach((line, i) => {
    if (found.length >= MAX_ARMS) return;
    if (line.startsWith('+++ ')) {
      target = TARGETS.test(line.slice(4).split('\t')[0]!.trim());
      return;
    }
    const arm = target && line.startsWith('+') ? ARM.exec(line.slice(1)) : null;
    for (const spelling of arm?.[1]!.split('|') ?? []) found.push({ spelling: spelling.trim(), origin: { file, line: i + 1 } });
  });
  return found;
}

/** The patch that makes configure accept `word`: by its exact spelling, or by its `=*` arm. */
export function patchAccepting(word: string, options: readonly PatchedOption[]): PatchedOption | undefined {
  const eq = word.indexOf('=');
  const pattern = eq > 0 ? `${word.slice(0, eq)}=*` : undefined;
  return options.find((o) => o.spelling === word || o.spelling === pattern);
}
