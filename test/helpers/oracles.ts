/** Anchor tools as test oracles: found or extracted once; missing is a skip with its reason, or a failure in CI. */
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { DIFFCONFIG_MISSING, ORACLES_REQUIRED, PYTHON, RPMSPEC_MISSING, TOOL_MISSING, findDiffconfig, findRpmspec, findTool } from '../../scripts/oracles.mjs';

export const diffconfig: string | undefined = findDiffconfig();
export const python: string = PYTHON;
export const rpmspec: string | undefined = findRpmspec();

if (ORACLES_REQUIRED && !diffconfig) throw new Error(DIFFCONFIG_MISSING);
if (ORACLES_REQUIRED && !rpmspec) throw new Error(RPMSPEC_MISSING);
export const diffconfigMissing: string = DIFFCONFIG_MISSING;
export const rpmspecMissing: string = RPMSPEC_MISSING;

/** A real tool (bash, sort, grep, ...) to compare an emulation with, and the reason when it is missing. */
export function tool(name: string): { path: string | undefined; missing: string } {
  const path = findTool(name) as string | undefined;
  if (ORACLES_REQUIRED && !path) throw new Error(TOOL_MISSING(name));
  return { path, missing: TOOL_MISSING(name) };
}
