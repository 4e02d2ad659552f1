import { describe, expect, it } from 'vitest';
import { sortFindings, summarize } from '../../src/compare/summarize.js';
import type { Finding, FindingKind } from '../../src/model/finding.js';

const finding = (kind: FindingKind, key: string, severity: Finding['severity'] = 'error', waived = false): Finding => ({
  code: 'FD201',
  kind,
  domain: 'kernel',
  key,
  want: 'y',
  have: null,
  severity,
  reasons: [],
  message: `${key}`,
  reference: { file: 'kata.conf', line: 1 },
  candidate: null,
  ...(waived ? { waived: { reason: 'r', pattern: key, file: 'w.ini', line: 1 } } : {}),
});

describe('sortFindings', () => {
  it('orders by kind (what breaks a guest first), then by key in byte order, keeping equal keys as they came', () => {
    const first = finding('missing', 'CONFIG_B', 'warning');
    const second = finding('missing', 'CONFIG_B', 'info');
    const sorted = sortFindings([finding('extra', 'CONFIG_A'), first, finding('missing', 'CONFIG_a'), finding('disabled', 'CONFIG_Z'), second, finding('missing', 'CONFIG_A')]);
    expect(sorted.map((f) => `${f.kind} ${f.key}`)).toEqual(['missing CONFIG_A', 'missing CONFIG_B', 'missing CONFIG_B', 'missing CONFIG_a', 'disabled CONFIG_Z', 'extra CONFIG_A']);
    expect(sorted.filter((f) => f.key === 'CONFIG_B')).toEqual([first, second]);
  });

  it('leaves its input as it was', () => {
    const input = [finding('extra', 'CONFIG_B'), finding('missing', 'CONFIG_A')];
    sortFindings(input);
    expect(input.map((f) => f.key)).toEqual(['CONFIG_B', 'CONFIG_A']);
  });
});

describe('summarize', () => {
  it('counts severities of what is left to fix, and every difference by kind', () => {
    const summary = summarize([finding('missing', 'A'), finding('missing', 'B', 'warning', true), finding('value', 'C', 'warning')], 10);
    expect(summary).toEqual({ requirements: 10, satisfied: 7, error: 1, warning: 1, info: 0, waived: 1, byKind: { missing: 2, value: 1 } });
  });
});
