// Markdown for pull-request comments and job summaries, rendered by GitHub's own renderer (cmark-gfm)
// to check what a reviewer would see: the marker, the tables, the sections, the links, the size cap.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { ReportDocument } from '../../src/model/report.js';
import { formatMarkdown } from '../../src/report/format-markdown.js';
import { code, text } from '../../src/report/markdown-escape.js';
import { createReportDocument } from '../../src/report/report-document.js';
import { DEBIAN_AMD64, FEDORA_X86, PROJECT, corpus } from '../helpers/corpus.js';
import { runDebian } from '../helpers/debian-run.js';
import { cmarkGfm, cmarkGfmMissing } from '../helpers/oracles.js';
import { runCli } from '../helpers/run-cli.js';

// QEMU reports carry device findings too: a conflict (vhost-user-fs against --disable-vhost-user), devices not decided.
const DEVICES = ['--devices', 'fixtures/qemu/shared-fs.mak', '--reference-devices', 'fixtures/qemu/kata-like-x86_64.mak'];

const render = (markdown: string) => execFileSync(cmarkGfm!, ['--extension', 'table', '--unsafe'], { input: markdown, encoding: 'utf8' });
/** Rows of every rendered table, each as its list of cells' inner HTML. */
const tableRows = (html: string) =>
  [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
const documentOf = (run: { stdout: string }) => JSON.parse(run.stdout) as ReportDocument;

describe.skipIf(!cmarkGfm)(`--format markdown (${cmarkGfm ? 'cmark-gfm' : cmarkGfmMissing})`, async () => {
  const run = await runDebian('markdown');
  const html = render(run.stdout);
  const report = documentOf(await runDebian('json')).reports[0]!;

  it('starts with a hidden marker a bot can find its comment by', () => {
    expect(run.stdout.split('\n')[0]).toBe('<!-- flagdiff:report kernel x86_64 -->');
    // Passed through as an HTML comment (not escaped into visible text), so the comment does not show it.
    expect(html.split('\n')[0]).toBe('<!-- flagdiff:report kernel x86_64 -->');
  });

  it('renders one table row per finding, each with all its cells', () => {
    const rows = tableRows(html);
    const findingRows = rows.filter((cells) => cells.length === 7 || cells.length === 6).filter((cells) => /<code>CONFIG_/.test(cells.join()));
    expect(findingRows).toHaveLength(report.findings.length);
    // Every section opens, holds a table that renders as one, and closes.
    expect(html.match(/<details>/g)).toHaveLength(html.match(/<\/details>/g)!.length);
    expect((html.match(/<table>/g) ?? []).length).toBe(1 + (html.match(/<details>/g) ?? []).length);
  });

  it('renders a QEMU report the same way: one row per finding', async () => {
    const args = ['qemu', '--qemu-version', '4.1.0', ...DEVICES, 'fixtures/qemu/mini-2019.flags'];
    const { findings } = documentOf(await runCli([...args, '--format', 'json'])).reports[0]!;
    const rows = tableRows(render((await runCli([...args, '--format', 'markdown'])).stdout)).filter((cells) => cells.length === 7).slice(1);
    expect(rows.filter((cells) => cells[0] !== 'key').map((cells) => cells[1])).toEqual(
      expect.arrayContaining(findings.filter((f) => !f.waived).map((f) => `<code>${f.key}</code>`)),
    );
  });

  it('sums up each report in the first table', () => {
    const [, row] = tableRows(html);
    const s = report.summary;
    expect(row!.slice(4)).toEqual([s.requirements, s.satisfied, s.error, s.warning, s.info, s.waived].map(String));
  });

  it('links each code to its section of docs/findings.md', () => {
    const doc = readFileSync(`${PROJECT}/docs/findings.md`, 'utf8');
    const anchors = [...html.matchAll(/href="https:\/\/github\.com\/flagdiff\/flagdiff\/blob\/main\/docs\/findings\.md#(fd\d+)"/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(5);
    // GitHub's anchor for "## FD201" is "fd201".
    for (const anchor of anchors) expect(doc).toContain(`\n## ${anchor.toUpperCase()}\n`);
  });

  it.each([
    // value, as a reviewer must read it
    ['a|b', 'a|b'],
    ['"console=ttyS0 | quiet"', '"console=ttyS0 | quiet"'],
    ['`x`', '`x`'],
    ['<script>', '<script>'],
    ['two\nlines', 'two lines'],
    ['_start and end_ and x86_64', '_start and end_ and x86_64'],
    ['*not bold* ~~nor struck~~ [no link](x)', '*not bold* ~~nor struck~~ [no link](x)'],
  ])('keeps %j whole in a table cell', (value, shown) => {
    const html = render(`| a | b |\n|---|---|\n| ${code(value)} | ${text(value)} |\n`);
    const decode = (s: string) => s.replace(/<\/?code>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(tableRows(html)[1]!.map(decode)).toEqual([shown, shown]);
  });

  it('stays under GitHub\'s 65,536 characters and says how many rows it left out', async () => {
    // Two full configs against two arches: some 1,300 rows, far over the limit.
    const args = ['kernel', corpus(DEBIAN_AMD64), corpus(FEDORA_X86), '--arch', 'x86_64', '--arch', 'aarch64'];
    const all = documentOf(await runCli([...args, '--format', 'json']));
    const markdown = (await runCli([...args, '--format', 'markdown'])).stdout;
    // Rows that can be left out: one per finding and one per diagnostic; the body rows rendered, less the summary table's.
    const rows = all.reports.reduce((n, r) => n + r.findings.length + r.diagnostics.length, 0);
    const bodyRows = [...render(markdown).matchAll(/<tr>\s*<td/g)].length;
    const shown = bodyRows - all.reports.length;
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    expect(markdown).toContain(`**${rows - shown} of ${rows} rows are not shown**`);
    // Every report keeps some rows.
    for (const r of all.reports) expect(markdown).toContain(`(${r.findings.filter((f) => !f.waived && f.kind === 'module').length}): required built in`);
  });

  it('honours a smaller cap, and leaves a short report whole', () => {
    const finding = (key: string): Finding => ({
      code: 'FD201', kind: 'missing', domain: 'kernel', key, want: 'y', have: null, severity: 'error', reasons: ['base'], message: 'm',
      reference: { file: 'r.conf', line: 1 }, candidate: null,
    });
    const document = createReportDocument([{
      domain: 'kernel', arch: 'x86_64', reference: { name: 'kata', source: 'k' }, candidate: { source: 'c', version: null }, diagnostics: [],
      findings: Array.from({ length: 200 }, (_, i) => finding(`CONFIG_${i}`)),
      summary: { requirements: 200, satisfied: 0, error: 200, warning: 0, info: 0, waived: 0, byKind: { missing: 200 } },
    }]);
    const whole = formatMarkdown(document);
    const cut = formatMarkdown(document, { maxLength: 5000 });
    expect(whole).not.toContain('not shown');
    expect(cut.length).toBeLessThanOrEqual(5000);
    const left = Number(/\*\*(\d+) of 200 rows are not shown\*\*/.exec(cut)![1]);
    expect((cut.match(/^\| ❌ \| `CONFIG_/gm) ?? []).length).toBe(200 - left);
  });

  it('matches the golden file: Kata vs Debian 6.12 amd64, with waivers', async () => {
    await expect(run.stdout).toMatchFileSnapshot('./golden/kata-vs-debian.md');
  });
});
