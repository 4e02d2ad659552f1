/** Anchor tools as test oracles: found or extracted once; missing is a skip with its reason, or a failure in CI. */
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { DIFFCONFIG_MISSING, ORACLES_REQUIRED, PROGRAM_MISSING, PYTHON, RPMSPEC_MISSING, findDiffconfig, findProgram, findRpmspec } from '../../scripts/oracles.mjs';

export const diffconfig: string | undefined = findDiffconfig();
export const python: string = PYTHON;
export const rpmspec: string | undefined = findRpmspec();

if (ORACLES_REQUIRED && !diffconfig) throw new Error(DIFFCONFIG_MISSING);
if (ORACLES_REQUIRED && !rpmspec) throw new Error(RPMSPEC_MISSING);
export const rpmspecMissing: string = RPMSPEC_MISSING;
export const diffconfigMissing: string = DIFFCONFIG_MISSING;
export { ORACLES_REQUIRED };

/** GitHub's Markdown renderer (cmark-gfm, Debian package cmark-gfm) and GNU patch. */
export const cmarkGfm: string | undefined = findProgram('cmark-gfm');
export const patch: string | undefined = findProgram('patch');
export const cmarkGfmMissing: string = PROGRAM_MISSING('cmark-gfm', 'cmark-gfm');
export const patchMissing: string = PROGRAM_MISSING('patch', 'patch');
if (ORACLES_REQUIRED && !cmarkGfm) throw new Error(cmarkGfmMissing);
if (ORACLES_REQUIRED && !patch) throw new Error(patchMissing);

/** The Debian package of each tool the shell evaluator is compared with. */
const PACKAGE: Readonly<Record<string, string>> = { make: 'make', bash: 'bash', sort: 'coreutils', cut: 'coreutils', tr: 'coreutils', grep: 'grep', bc: 'bc' };

/** A real tool (bash, sort, grep, ...) to compare an emulation with, and the reason when it is missing. */
export function tool(name: string): { path: string | undefined; missing: string } {
  const path = findProgram(name) as string | undefined;
  const missing = PROGRAM_MISSING(name, PACKAGE[name] ?? name) as string;
  if (ORACLES_REQUIRED && !path) throw new Error(missing);
  return { path, missing };
}
