// The exit status of the contract: 0 nothing at or above --fail-on, 1 something is.
import { describe, expect, it } from 'vitest';
import { shouldFail } from '../../src/compare/should-fail.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import type { Severity } from '../../src/model/severity.js';

const finding = (severity: Severity, waived = false): Finding => ({
  code: 'FD201', kind: 'missing', domain: 'kernel', key: 'CONFIG_X', want: 'y', have: null, severity, reasons: [], message: 'm',
  reference: { file: 'r', line: 1 }, candidate: null, ...(waived ? { waived: { reason: 'r', pattern: 'CONFIG_X', file: 'w.ini', line: 1 } } : {}),
});
const note = (code: Diagnostic['code'], level: Severity): Diagnostic => ({ code, level, message: 'm', file: 'f', line: 1 });
const report = (findings: Finding[], diagnostics: Diagnostic[] = []): Report => ({
  domain: 'kernel', arch: 'x86_64', reference: { name: 'k', source: 'k' }, candidate: { source: 'c', version: null }, findings, diagnostics,
  summary: { requirements: 1, satisfied: 0, error: 0, warning: 0, info: 0, waived: 0, byKind: {} },
});

describe('shouldFail', () => {
  it.each([
    // findings, diagnostics, --fail-on, fails
    [[finding('error')], [], 'error', true],
    [[finding('warning')], [], 'error', false],
    [[finding('warning')], [], 'warning', true],
    [[finding('info')], [], 'warning', false],
    [[finding('info')], [], 'info', true],
    [[finding('error')], [], 'never', false],
    [[finding('error', true)], [], 'info', false], // waived findings leave the exit code alone
    [[], [note('FD211', 'warning')], 'warning', true], // an unused waiver counts like a finding
    [[], [note('FD211', 'warning')], 'error', false],
    [[], [note('FD106', 'warning')], 'warning', false], // other diagnostics inform without failing
    [[], [note('FD235', 'info')], 'info', false], // a QEMU comparison could not tell: informs too
    [[], [note('FD121', 'error')], 'error', true], // part of the input was lost: the run cannot pass
    [[], [note('FD121', 'error')], 'never', false],
    [[], [], 'info', false],
  ] as const)('%j %j --fail-on %s: %s', (findings, diagnostics, failOn, fails) => {
    expect(shouldFail([report([...findings], [...diagnostics])], failOn)).toBe(fails);
  });
});
