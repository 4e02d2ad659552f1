/**
 * Waivers applied to findings: the reference's own allowances inside each comparison, waiver files
 * across the reports of a run. The first waiver that matches, in file order, accepts a finding.
 */
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import type { Waiver, WaiverSet, WaiverTarget } from '../model/waiver.js';
import { inScope, waivedBy, waives } from '../model/waiver.js';
import { summarize } from './summarize.js';

/**
 * The findings with `waived` set on those a waiver of `sets` accepts; findings already waived keep
 * their waiver. Expiry is not looked at here: pass only the waivers that hold. Each waiver that
 * accepted a finding is added to `used`.
 */
export function markWaived(findings: readonly Finding[], sets: readonly WaiverSet[], arch: string | null, used?: Set<Waiver>): Finding[] {
  return findings.map((finding) => {
    if (finding.waived) return finding;
    const target = { key: finding.key, kind: finding.kind, domain: finding.domain, arch };
    for (const set of sets) {
      const waiver = firstWaiver(set, target);
      if (waiver) {
        used?.add(waiver);
        return { ...finding, waived: waivedBy(waiver, set) };
      }
    }
    return finding;
  });
}

/** A set's waivers by exact key, and those with a wildcard, each with its place in the file. */
interface WaiverIndex {
  readonly exact: ReadonlyMap<string, ReadonlyArray<readonly [number, Waiver]>>;
  readonly patterns: ReadonlyArray<readonly [number, Waiver]>;
}

const indexes = new WeakMap<WaiverSet, WaiverIndex>();

/**
 * The first waiver of the set, in file order, that accepts the target. Most keys are plain symbol
 * names (Kata's whitelist is), found by lookup instead of a match against every waiver.
 */
function firstWaiver(set: WaiverSet, target: WaiverTarget): Waiver | undefined {
  let index = indexes.get(set);
  if (!index) {
    const exact = new Map<string, Array<readonly [number, Waiver]>>();
    const patterns: Array<readonly [number, Waiver]> = [];
    set.waivers.forEach((waiver, place) => {
      if (/[*?]/.test(waiver.key)) patterns.push([place, waiver]);
      else exact.set(waiver.key, [...(exact.get(waiver.key) ?? []), [place, waiver]]);
    });
    indexes.set(set, (index = { exact, patterns }));
  }
  let first: readonly [number, Waiver] | undefined;
  for (const candidate of [...(index.exact.get(target.key) ?? []), ...index.patterns]) {
    if ((!first || candidate[0] < first[0]) && waives(candidate[1], target)) first = candidate;
  }
  return first?.[1];
}

export interface WaiverOptions {
  /** Today as `YYYY-MM-DD` (the CLI uses the UTC date): a waiver holds through its `expires` day. */
  readonly today: string;
}

/**
 * Applies waiver files to the reports of one run and recounts their summaries. A waiver past its
 * date accepts nothing and is reported (FD210); a waiver that applies to some report (its domain and
 * arch) but matched nothing in any of them is reported unused (FD211). Each is reported once, in the
 * first report it applies to (an expired one out of every report's scope, in the first report).
 */
export function applyWaivers(reports: readonly Report[], sets: readonly WaiverSet[], options: WaiverOptions): Report[] {
  const expired = new Set(sets.flatMap((set) => set.waivers.filter((w) => w.expires !== undefined && w.expires < options.today)));
  const holding = sets.map((set) => ({ ...set, waivers: set.waivers.filter((w) => !expired.has(w)) }));
  const used = new Set<Waiver>();
  const marked = reports.map((report) => ({ ...report, findings: markWaived(report.findings, holding, report.arch, used) }));

  const notes = new Map<number, Diagnostic[]>();
  const note = (index: number, d: Diagnostic) => notes.set(index, [...(notes.get(index) ?? []), d]);
  for (const set of sets) {
    if (set.builtIn) continue;
    for (const waiver of set.waivers) {
      const home = marked.findIndex((r) => inScope(waiver, r.domain, r.arch));
      if (expired.has(waiver)) note(Math.max(home, 0), expiredDiagnostic(waiver, marked));
      else if (home >= 0 && !used.has(waiver)) note(home, diagnostic('FD211', `waiver [${waiver.key}] matches no finding${scopeOf(waiver)}; remove it or narrow it`, waiver.origin));
    }
  }
  return marked.map((report, i) => ({
    ...report,
    summary: summarize(report.findings, report.summary.requirements),
    diagnostics: [...report.diagnostics, ...(notes.get(i) ?? [])],
  }));
}

function expiredDiagnostic(waiver: Waiver, reports: readonly Report[]): Diagnostic {
  const matches = reports.reduce((n, r) => n + r.findings.filter((f) => !f.waived && waives(waiver, { ...f, arch: r.arch })).length, 0);
  const effect = matches === 0 ? 'it matches no finding either' : matches === 1 ? 'the finding it matches counts again' : `the ${matches} findings it matches count again`;
  return diagnostic('FD210', `waiver [${waiver.key}] expired on ${waiver.expires}; ${effect}`, waiver.origin);
}

function scopeOf(waiver: Waiver): string {
  const parts = [waiver.kinds?.join(', '), waiver.domains?.join(', '), waiver.arches?.join(', ')].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}
