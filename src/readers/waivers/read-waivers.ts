/**
 * Reads a waiver file: INI, one `[KEY-OR-GLOB]` section per waiver with `reason` (required),
 * `expires`, `arch`, `domain` and `kind`. Values are read by the `ini` package one line at a time,
 * so that every field keeps its line and what `ini` would do silently (merge repeated sections, keep
 * the last of two fields, nest dotted section names, cut a value at `;` or `#`) is an error instead,
 * and `true`, `false` or `null` stay the text they are. Any problem stops the run: a waiver file never waives by accident.
 */
import { parse } from 'ini';
import { isArch } from '../../model/arch.js';
import type { Code } from '../../model/codes.js';
import type { Domain } from '../../model/config-set.js';
import { InputError, diagnostic } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { FINDING_KINDS } from '../../model/finding.js';
import type { FindingKind } from '../../model/finding.js';
import type { Waiver, WaiverSet } from '../../model/waiver.js';

const FIELDS = ['reason', 'expires', 'arch', 'domain', 'kind'] as const;
type Field = (typeof FIELDS)[number];
const DOMAINS: readonly Domain[] = ['kernel', 'qemu'];
const MAX_PATTERN = 200;

const SECTION = /^\s*\[([^\]]*)\]\s*(?:[;#].*)?$/;
const ASSIGNMENT = /^\s*([^=\s][^=]*?)\s*=(.*)$/;
const COMMENT_OR_BLANK = /^\s*(?:[;#].*)?$/;
// An unquoted value that ini would cut at a comment character (`\;` and `\#` are ini's escapes).
const CUT = /(?:^|[^\\])[;#]/;

interface Section {
  readonly key: string;
  readonly line: number;
  readonly fields: Map<Field, { value: string; line: number }>;
  /** Fields whose line was reported already: their absence is not reported again. */
  readonly broken: Set<string>;
}

export function readWaivers(text: string, file: string): WaiverSet {
  const problems: Diagnostic[] = [];
  const problem = (code: Code, message: string, line: number) => problems.push(diagnostic(code, message, { file, line }));
  const sections: Section[] = [];
  const seen = new Map<string, number>();

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const header = SECTION.exec(raw);
    if (header) {
      const key = header[1]!.trim();
      if (key === '') problem('FD140', 'a section needs a key or glob between the brackets', line);
      else if (key.length > MAX_PATTERN || /[\u0000-\u001f\u007f]/.test(key)) problem('FD142', `a key or glob is at most ${MAX_PATTERN} printable characters`, line);
      else if (seen.has(key)) problem('FD140', `[${key}] is already a waiver at line ${seen.get(key)}; ini would merge the two, so give each key one section`, line);
      seen.set(key, seen.get(key) ?? line);
      sections.push({ key, line, fields: new Map(), broken: new Set() });
      return;
    }
    if (COMMENT_OR_BLANK.test(raw)) return;
    const assignment = ASSIGNMENT.exec(raw);
    if (!assignment) return problem('FD140', `expected [KEY], field = value, or a comment; got ${JSON.stringify(raw.trim().slice(0, 60))}`, line);
    const [, name, rawValue] = assignment as unknown as [string, string, string];
    const section = sections.at(-1);
    if (!section) return problem('FD140', `${name} comes before the first [KEY] section`, line);
    if (!(FIELDS as readonly string[]).includes(name)) return problem('FD142', `unknown field ${JSON.stringify(name)}; a waiver has ${FIELDS.join(', ')}`, line);
    const field = name as Field;
    const before = section.fields.get(field);
    if (before) return problem('FD140', `${field} is already set for [${section.key}] at line ${before.line}; ini would keep only the last`, line);
    const value = valueOf(rawValue.trim());
    if (typeof value !== 'string') {
      section.broken.add(field);
      return problem(value.code, value.message, line);
    }
    section.fields.set(field, { value, line });
  });

  const waivers = sections.map((section) => toWaiver(section, file, problem));
  const [first] = problems.sort((a, b) => a.line - b.line);
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'} in this file)` : '';
    throw new InputError({ ...first, message: first.message + more });
  }
  return { source: file, builtIn: false, waivers };
}

/** The value as ini reads it, or why it cannot be taken as written. */
function valueOf(raw: string): string | { code: Code; message: string } {
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  if (!quoted && CUT.test(raw)) return { code: 'FD140', message: 'ini reads the rest of this value after ; or # as a comment; put the value in double quotes' };
  const value: unknown = parse(`value = ${raw}`).value;
  // ini turns true, false and null into non-strings, quoted or not: keep the text as written.
  return typeof value === 'string' ? value : quoted ? raw.slice(1, -1) : raw;
}

function toWaiver(section: Section, file: string, problem: (code: Code, message: string, line: number) => void): Waiver {
  const get = (field: Field) => section.fields.get(field);
  const reason = get('reason')?.value.trim() ?? '';
  if (reason === '' && !section.broken.has('reason')) problem('FD141', `[${section.key}] gives no reason; add reason = why this difference is accepted`, section.line);
  const list = <T extends string>(field: Field, allowed: (item: string) => item is T, what: string): T[] | undefined => {
    const entry = get(field);
    if (!entry) return undefined;
    const items = entry.value.split(/[\s,]+/).filter(Boolean);
    const bad = items.filter((item) => !allowed(item));
    if (bad.length || items.length === 0) problem('FD142', `${field} ${JSON.stringify(entry.value)} is not a list of ${what}`, entry.line);
    return items.filter(allowed);
  };
  const arches = list('arch', isArch, 'uname arch names (x86_64, aarch64, s390x, ppc64le, riscv64)');
  const domains = list('domain', (d): d is Domain => (DOMAINS as readonly string[]).includes(d), DOMAINS.join(' or '));
  const kinds = list('kind', (k): k is FindingKind => (FINDING_KINDS as readonly string[]).includes(k), `finding kinds (${FINDING_KINDS.join(', ')})`);
  const expires = get('expires');
  if (expires && !isDate(expires.value)) problem('FD142', `expires ${JSON.stringify(expires.value)} is not a date written YYYY-MM-DD`, expires.line);
  return {
    key: section.key,
    reason,
    ...(arches ? { arches } : {}),
    ...(domains ? { domains } : {}),
    ...(kinds ? { kinds } : {}),
    ...(expires ? { expires: expires.value } : {}),
    origin: { file, line: section.line },
  };
}

/** `YYYY-MM-DD` naming a day that exists (no 2027-02-30). */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
