/** Anchor tools as test oracles: found or extracted once; missing is a skip with its reason, or a failure in CI. */
// @ts-expect-error: a plain ESM script shared with the benchmarks, without types
import { DIFFCONFIG_MISSING, ORACLES_REQUIRED, PYTHON, findDiffconfig } from '../../scripts/oracles.mjs';

export const diffconfig: string | undefined = findDiffconfig();
export const python: string = PYTHON;

if (ORACLES_REQUIRED && !diffconfig) throw new Error(DIFFCONFIG_MISSING);
export const diffconfigMissing: string = DIFFCONFIG_MISSING;
export { ORACLES_REQUIRED };
