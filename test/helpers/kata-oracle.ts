/**
 * Kata's fragment selection written as shell for the tests, after build-kernel.sh's get_kernel_frag_path,
 * run by bash with the real grep, ls, find and sed over the corpus tree: the files a build merges and
 * the symbols they set. A file whose only line names another fragment is a link the corpus stores as a
 * file: its target is read instead.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Arch } from '../../src/model/arch.js';
import { kernelArchOf } from '../../src/model/arch.js';
import type { KernelBuildOptions } from '../../src/readers/kata/select-kata-fragments.js';
import { bash } from './bash-oracle.js';
import { KATA_FRAGMENTS, corpus } from './corpus.js';

const ORACLE = `
cd "$1"; arch=$2; conf=$3; measured=$4; gpu=$5; type=$6; debug=$7; signing=$8
tags="-e !$arch"; [ "$conf" = yes ] && tags="$tags -e !confidential"
files="$(grep $tags common/*.conf -L) $(ls $arch/*.conf)"
[ -n "$type" ] && files="$files $(find build-type/$type -name '*.conf' | LC_ALL=C sort)"
[ -n "$gpu" ] && files="$files gpu/$gpu.$arch.conf.in"
[ "$measured" = yes ] && files="$files common/confidential_containers/cryptsetup.conf"
[ "$conf" = yes ] && files="$files $(ls $arch/confidential/*.conf) common/confidential_containers/tmpfs.conf"
[ "$signing" = yes ] && files="$files common/signing/module_signing.conf"
[ "$debug" = yes ] && files="$files $(ls debug/*.conf)"
echo $files
for f in $files; do
  if grep -qx '[A-Za-z0-9_./-]*\\.conf' "$f"; then echo "$(dirname "$f")/$(cat "$f")"; else echo "$f"; fi
done
`;

/** The files a build merges (as build-kernel.sh names them) and, for each, the file whose content it has. */
export function selectionOracle(arch: Arch, o: KernelBuildOptions): { files: string[]; contents: string[] } {
  const yes = (b: boolean | undefined) => (b ? 'yes' : 'no');
  const args = [corpus(KATA_FRAGMENTS), kernelArchOf(arch), yes(o.confidential), yes(o.measured), o.gpu ?? '', o.buildType ?? '', yes(o.debug), yes(o.signing)];
  const run = spawnSync(bash.path!, ['-c', ORACLE, 'oracle', ...args], { encoding: 'utf8', env: { LC_ALL: 'C', PATH: '/usr/bin:/bin' } });
  const [files, ...contents] = run.stdout.trim().split('\n');
  return { files: files!.split(' '), contents };
}

/**
 * The last assignment of each symbol in the merged files, read here with a regular expression (not
 * flagdiff's reader): key → [value, file as build-kernel.sh names it, line]. `.conf.in` templates have
 * `${CONF_GUEST_SUFFIX}` replaced by nothing, as envsubst does with build-kernel.sh's export.
 */
export function lastAssignments(selection: { files: string[]; contents: string[] }): Map<string, [string, string, number]> {
  const map = new Map<string, [string, string, number]>();
  selection.files.forEach((file, i) => {
    const text = readFileSync(join(corpus(KATA_FRAGMENTS), selection.contents[i]!), 'utf8').replaceAll('${CONF_GUEST_SUFFIX}', '');
    text.split('\n').forEach((line, n) => {
      const m = /^(CONFIG_\w+)=(.*)$|^# (CONFIG_\w+) is not set$/.exec(line);
      if (m) map.set((m[1] ?? m[3])!, [m[2] ?? 'n', file, n + 1]);
    });
  });
  return map;
}
