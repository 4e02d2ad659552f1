// The public API, pinned: adding an export is a decision, removing one breaks users.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public exports', () => {
  it('are exactly these', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ARCHES',
      'CODES',
      'DEFAULT_LIMITS',
      'FINDINGS_DOCS_URL',
      'FINDING_KINDS',
      'InputError',
      'PLAIN_STYLE',
      'SEVERITIES',
      'VERSION',
      'archFromKernelArch',
      'compareKernel',
      'createReportDocument',
      'decodeInput',
      'diagnostic',
      'docsUrl',
      'formatJson',
      'formatOrigin',
      'formatSettingsJson',
      'formatSettingsText',
      'formatText',
      'isArch',
      'judge',
      'kataKernelFlavors',
      'kataKernelProfile',
      'kernelArchOf',
      'loadFragments',
      'loadKconfig',
      'mergeConfigSets',
      'nodeHost',
      'override',
      'parseKconfigValue',
      'profileFromConfig',
      'readKataKernel',
      'readKconfig',
      'reasonOf',
      'sameKconfigValue',
      'severityRank',
      'tristateRank',
      'writersOf',
    ]);
  });
});
