// SARIF 2.1.0 as GitHub code scanning takes it: the official schema, GitHub's own required fields,
// results where the reviewer looks, and fingerprints that survive lines moving.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { toUri } from '../../src/report/format-sarif.js';
import { DEBIAN_AMD64, PROJECT, corpus, fixture } from '../helpers/corpus.js';
import { DEBIAN, WAIVERS, runDebian, withoutVersion } from '../helpers/debian-run.js';
import { runCli } from '../helpers/run-cli.js';
import { sarifErrors } from '../helpers/sarif-schema.js';
import { tempDir } from '../helpers/temp-dir.js';

// QEMU reports carry device findings too: a conflict (vhost-user-fs against --disable-vhost-user), devices not decided.
const DEVICES = ['--devices', 'fixtures/qemu/shared-fs.mak', '--reference-devices', 'fixtures/qemu/kata-like-x86_64.mak'];

// Oracle: the official SARIF 2.1.0 schema (test/helpers/sarif-schema.ts).
const errors = sarifErrors;
const { version } = JSON.parse(readFileSync(`${PROJECT}/package.json`, 'utf8')) as { version: string };

describe('--format sarif', async () => {
  const sarif = JSON.parse((await runDebian('sarif')).stdout);
  const document = JSON.parse((await runDebian('json')).stdout) as ReportDocument;
  const [run] = sarif.runs;
  const report = document.reports[0]!;

  it('is valid SARIF 2.1.0 against the official schema, for one arch and for several, kernel and QEMU', async () => {
    const multiArch = JSON.parse((await runDebian('sarif', '--arch', 'x86_64', '--arch', 'aarch64')).stdout);
    const qemu = JSON.parse((await runCli(['qemu', '--qemu-version', '4.1.0', ...DEVICES, fixture('qemu/mini-2019.flags'), '--format', 'sarif'])).stdout);
    expect(errors(sarif)).toEqual([]);
    expect(errors(multiArch)).toEqual([]);
    expect(errors(qemu)).toEqual([]);
    expect(qemu.runs[0].results.length).toBeGreaterThan(5);
    expect(multiArch.runs.map((r: any) => r.automationDetails.id)).toEqual([`flagdiff/kernel/x86_64/${DEBIAN}/`, `flagdiff/kernel/aarch64/${DEBIAN}/`]);
  });

  it.each([
    // a break, how it is made, what the schema says
    ['no version', (s: any) => delete s.version, "must have required property 'version'"],
    ['a fatal level', (s: any) => (s.runs[0].results[0].level = 'fatal'), '/runs/0/results/0/level must be equal to one of the allowed values'],
    ['line 0', (s: any) => (s.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0), '/runs/0/results/0/locations/0/physicalLocation/region/startLine must be >= 1'],
  ])('the schema check catches %s', (_, mutate, message) => {
    const copy = structuredClone(sarif);
    mutate(copy);
    expect(errors(copy)).toContain(message);
  });

  it("has what GitHub requires beyond the schema: rules with descriptions and help, a fingerprint per result", () => {
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const rules = run.tool.driver.rules;
    expect(rules.map((r: any) => r.id)).toEqual([...new Set([...report.diagnostics, ...report.findings].map((x) => x.code))].sort());
    for (const rule of rules) {
      for (const text of [rule.shortDescription.text, rule.fullDescription.text, rule.help.text, rule.help.markdown]) expect(text.length).toBeGreaterThan(20);
      expect(rule.helpUri).toBe(`https://github.com/flagdiff/flagdiff/blob/main/docs/findings.md#${rule.id.toLowerCase()}`);
    }
    for (const result of run.results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
      expect(result.message.text.length).toBeGreaterThan(0);
    }
    const hashes = run.results.map((r: any) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("puts each finding at the candidate's line, or the reference's when the candidate lacks the key", () => {
    const results = run.results.filter((r: any) => r.properties?.key);
    expect(results).toHaveLength(report.findings.length);
    report.findings.forEach((f, i) => {
      const at = f.candidate ?? f.reference;
      expect(results[i].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: at.file }, region: { startLine: at.line } });
      expect(results[i].relatedLocations?.[0].physicalLocation.region.startLine).toBe(f.candidate ? f.reference.line : undefined);
    });
  });

  it('keeps waived findings, marked as externally suppressed with the reason', () => {
    const suppressed = run.results.filter((r: any) => r.suppressions);
    expect(suppressed.map((r: any) => r.properties.key)).toEqual(report.findings.filter((f) => f.waived).map((f) => f.key));
    expect(suppressed.find((r: any) => r.properties.key === 'CONFIG_NR_CPUS').suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Debian builds for hosts with up to 8192 CPUs; a guest with fewer vCPUs is unaffected',
        location: { physicalLocation: { artifactLocation: { uri: WAIVERS }, region: { startLine: 4 } } },
      },
    ]);
  });

  it('keeps every fingerprint when lines move in the candidate', async () => {
    // The same file before and after ten lines are added on top: every candidate line moves, no key changes.
    const path = join(tempDir('flagdiff-'), 'config');
    const results = async (text: string) => {
      writeFileSync(path, text);
      const log = JSON.parse((await runCli(['kernel', path, '--arch', 'x86_64', '--format', 'sarif'])).stdout);
      return log.runs[0].results.map((r: any) => [r.locations[0].physicalLocation.region.startLine, r.partialFingerprints.primaryLocationLineHash]);
    };
    const original = readFileSync(corpus(DEBIAN_AMD64), 'utf8');
    const [before, after] = [await results(original), await results(`${'# moved\n'.repeat(10)}${original}`)];
    expect(after.map((r: any[]) => r[1])).toEqual(before.map((r: any[]) => r[1]));
    expect(after.filter((r: any[], i: number) => r[0] === before[i][0] + 10)).toHaveLength(report.findings.filter((f) => f.candidate).length);
  });

  it.each([
    // path, URI
    ['configs/x86_64.config', 'configs/x86_64.config'],
    ['../shared/a b#c.config', '../shared/a%20b%23c.config'],
    ['/boot/config-6.12.0', 'file:///boot/config-6.12.0'],
  ])('writes %s as the URI %s', (path, uri) => {
    expect(toUri(path)).toBe(uri);
  });

  it('matches the golden file: Kata vs Debian 6.12 amd64, with waivers', async () => {
    await expect(withoutVersion((await runDebian('sarif')).stdout, version)).toMatchFileSnapshot('./golden/kata-vs-debian.sarif');
  });
});
