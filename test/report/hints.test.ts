// What a Kata user would see, and its fix (a QEMU finding's `hint`), reach every format a person reads:
// the pull-request comment (rendered by GitHub's own cmark-gfm), code-scanning alerts and annotations.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/model/report.js';
import { fixture } from '../helpers/corpus.js';
import { cmarkGfm, cmarkGfmMissing } from '../helpers/oracles.js';
import { runCli } from '../helpers/run-cli.js';

// build-mini has vhost-user off (virtio-fs impossible): a finding with a hint; `modules` has none.
const mini = (format: string) => runCli(['qemu', '--build', 'build-mini', fixture('qemu/mini-2019.spec'), '--format', format]);
const SYMPTOM = "'vhost-user-fs-pci' is not a valid device model name";
const FIX = 'set shared_fs = "virtio-9p" (if 9p is built) or shared_fs = "none" in configuration.toml';

describe('hints in the formats people read', async () => {
  const document = JSON.parse((await mini('json')).stdout) as ReportDocument;
  const withHint = document.reports[0]!.findings.filter((f) => f.hint).map((f) => f.key);
  const without = document.reports[0]!.findings.find((f) => !f.hint && f.kind !== 'extra')!;

  it('has findings with and without a hint to show', () => {
    expect(withHint).toContain('vhost_user');
    expect(without).toBeDefined();
  });

  it.skipIf(!cmarkGfm)(`markdown: the why cell carries the symptom and the fix, the row keeps its cells (${cmarkGfm ? 'cmark-gfm' : cmarkGfmMissing})`, async () => {
    const html = execFileSync(cmarkGfm!, ['--extension', 'table', '--unsafe'], { input: (await mini('markdown')).stdout, encoding: 'utf8' });
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
    const row = (key: string) => rows.find((cells) => cells[1] === `<code>${key}</code>`)!;
    expect(row('vhost_user')).toHaveLength(7);
    expect(row('vhost_user')[4]).toContain(`<strong>seen:</strong> QEMU fails with &quot;${SYMPTOM}`);
    expect(row('vhost_user')[4]).toContain('<strong>fix:</strong> set shared_fs = &quot;virtio-9p&quot;');
    expect(row(without.key)[4]).not.toContain('seen:');
  });

  it('sarif: the result message ends with what a Kata user sees and the fix', async () => {
    const sarif = JSON.parse((await mini('sarif')).stdout) as { runs: Array<{ results: Array<{ properties?: { key?: string }; message: { text: string } }> }> };
    const message = (key: string) => sarif.runs[0]!.results.find((r) => r.properties?.key === key)!.message.text;
    expect(message('vhost_user')).toContain(`A Kata user sees: QEMU fails with "${SYMPTOM}`);
    expect(message('vhost_user')).toContain(`Fix: ${FIX}`);
    expect(message(without.key)).not.toContain('A Kata user sees');
  });

  it('github: the annotation carries them too', async () => {
    const lines = (await mini('github')).stdout.split('\n');
    const annotation = (key: string) => lines.find((l) => l.includes(` ${key} (x86_64),`))!;
    expect(annotation('vhost_user')).toContain(`A Kata user sees: QEMU fails with "${SYMPTOM}`);
    expect(annotation('vhost_user')).toContain(`Fix: ${FIX}`);
    expect(annotation(without.key)).not.toContain('A Kata user sees');
  });
});
