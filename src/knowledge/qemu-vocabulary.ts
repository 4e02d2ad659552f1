/**
 * The configure vocabulary of the QEMU versions flagdiff has read (qemu-options.json, written by
 * scripts/generate-qemu-options.mjs from QEMU source trees), plus the dated renames and removals of
 * qemu-sources.md §2.5. Answers: does version V accept this word, what kind of option is a key, and
 * what is its default in V.
 */
import data from './qemu-options.json' with { type: 'json' };

interface SpellingRow {
  readonly key: string;
  readonly value: string;
  /** Indexes into `versions` of the versions whose configure accepts the spelling. */
  readonly in: readonly number[];
}
interface OptionRow {
  readonly kind: string;
  /** Default per version index, where the option exists. */
  readonly defaults: Readonly<Record<string, string>>;
  readonly choices?: readonly string[];
  /** Per version index: why no build of that version can change the option (fixedIn). */
  readonly fixed?: Readonly<Record<string, string>>;
  /** The release the fixed state holds from: a version before it has no default (relocatable: 5.2.0). */
  readonly fixedSince?: string;
}
interface Vocabulary {
  readonly versions: readonly string[];
  readonly sources: readonly string[];
  readonly spellings: Readonly<Record<string, SpellingRow>>;
  readonly options: Readonly<Record<string, OptionRow>>;
  readonly facts: ReadonlyArray<{ readonly spelling: string; readonly since?: string; readonly until?: string }>;
  readonly renames: Readonly<Record<string, string>>;
  /** Switches configure takes and ignores: what it says of each (`VHDX driver is always built`), and in which versions. */
  readonly obsolete: Readonly<Record<string, { readonly says: string; readonly in: readonly number[] }>>;
}

const VOCABULARY = data as Vocabulary;

/** The QEMU versions whose configure was read, oldest first, and where each came from. */
export const QEMU_VOCABULARY_VERSIONS: readonly string[] = VOCABULARY.versions;
export const QEMU_VOCABULARY_SOURCES: readonly string[] = VOCABULARY.sources;

/** `accepted`, `rejected` (configure stops: "unknown option"), or `unverified` with the reason. */
export interface Acceptance {
  readonly status: 'accepted' | 'rejected' | 'unverified';
  readonly reason: string;
}

/** Numeric comparison of dotted versions (`10.0.13` > `9.2.0`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const series = (version: string) => version.split('.').slice(0, 2).join('.');

/**
 * Which read version stands for `version`: the one of the same series (`7.2.x` → 7.2.0), or the
 * nearest one for a version outside the range read. Inside the range, between two read versions,
 * `index` is undefined and `below`/`above` bracket it.
 */
export function vocabularyFor(version: string): { index?: number; below?: number; above?: number; outside: boolean } {
  const versions = VOCABULARY.versions;
  const same = versions.findIndex((v) => series(v) === series(version));
  if (same >= 0) return { index: same, outside: false };
  if (compareVersions(version, versions[0]!) < 0) return { index: 0, outside: true };
  if (compareVersions(version, versions.at(-1)!) > 0) return { index: versions.length - 1, outside: true };
  const above = versions.findIndex((v) => compareVersions(v, version) > 0);
  return { below: above - 1, above, outside: false };
}

/**
 * The versions (indexes into `versions`) whose configure accepts a `--` word: by its exact spelling
 * or by its `=*` pattern (7.2 takes `--enable-fdt=system` through `--enable-fdt=*`, 5.2 by name).
 */
function presenceOf(word: string): number[] {
  const eq = word.indexOf('=');
  const pattern = word.startsWith('--with-devices-') ? '--with-devices-*' : eq > 0 ? `${word.slice(0, eq)}=*` : undefined;
  const rows = [VOCABULARY.spellings[word], pattern === undefined ? undefined : VOCABULARY.spellings[pattern]];
  return [...new Set(rows.flatMap((row) => row?.in ?? []))];
}

/** Whether configure of `version` accepts `word` (a `--` option or a meson `-Dkey=value`). */
export function acceptance(word: string, version: string): Acceptance {
  const fact = VOCABULARY.facts.find((f) => f.spelling === word);
  if (fact) {
    if (fact.until && compareVersions(version, fact.until) >= 0) return { status: 'rejected', reason: `removed in QEMU ${fact.until}` };
    if (fact.since && compareVersions(version, fact.since) < 0) return { status: 'rejected', reason: `added in QEMU ${fact.since}` };
    if (fact.until || presenceOf(word).length > 0) return { status: 'accepted', reason: 'dated rename or removal' };
  }
  const present = word.startsWith('-D') ? mesonPresence(word) : presenceOf(word);
  const at = vocabularyFor(version);
  const name = (i: number) => VOCABULARY.versions[i]!;
  if (at.index !== undefined) {
    if (present.includes(at.index)) return { status: 'accepted', reason: `in QEMU ${name(at.index)}` };
    return at.outside && present.length > 0
      ? { status: 'unverified', reason: `QEMU ${version} is outside the versions read; QEMU ${name(at.index)} does not accept it` }
      : { status: at.outside ? 'unverified' : 'rejected', reason: `not in QEMU ${name(at.index)}'s configure` };
  }
  const [below, above] = [present.includes(at.below!), present.includes(at.above!)];
  if (below && above) return { status: 'accepted', reason: `in QEMU ${name(at.below!)} and ${name(at.above!)}` };
  if (!below && !above && present.length === 0) return { status: 'rejected', reason: 'in no QEMU version read' };
  const which = below ? `QEMU ${name(at.below!)} accepts it, ${name(at.above!)} does not` : `QEMU ${name(at.above!)} accepts it, ${name(at.below!)} does not`;
  return { status: 'unverified', reason: which };
}

/**
 * What configure of `version` says as it ignores `word` (`VHDX driver is always built`), where that
 * version takes the switch and does nothing with it; between two versions read, both must. A version
 * before those read is read as the first (QEMU 3.0 to 4.2 ignore the same switches as 5.2).
 */
export function obsoleteSwitch(word: string, version: string): string | undefined {
  const row = VOCABULARY.obsolete[word];
  const at = vocabularyFor(version);
  const ignores = at.index !== undefined ? row?.in.includes(at.index) : row?.in.includes(at.below!) && row.in.includes(at.above!);
  return ignores ? row!.says : undefined;
}

/**
 * Why no build of `version` can change a key, where none can: its configure ignores the switches
 * (`its configure ignores --enable-vhdx and --disable-vhdx as obsolete: "VHDX driver is always built"`),
 * or the option came later (`it has no option yet, and block/meson.build builds vpc.c unconditionally`).
 * The key's default there is then what every build has. Between two versions read, both must say so.
 */
export function fixedIn(key: string, version: string): string | undefined {
  const fixed = VOCABULARY.options[key]?.fixed;
  const at = vocabularyFor(version);
  if (!fixed || before(key, version)) return undefined;
  return at.index !== undefined ? fixed[String(at.index)] : fixed[String(at.below)] && fixed[String(at.above)];
}

/** A version before the release a key's fixed state holds from: nothing is read of it there. */
function before(key: string, version: string): boolean {
  const since = VOCABULARY.options[key]?.fixedSince;
  return since !== undefined && compareVersions(version, since) < 0;
}

function mesonPresence(word: string): number[] {
  const key = word.slice(2, word.indexOf('=') > 0 ? word.indexOf('=') : undefined);
  return Object.keys(VOCABULARY.options[key]?.defaults ?? {}).map(Number);
}

/** `feature`, `boolean`, `combo`, `array`, `string`, or `undefined` for a key no version knows. */
export function optionKind(key: string): string | undefined {
  return VOCABULARY.options[key]?.kind;
}

/**
 * The key's default in the version that stands for `version`, `undefined` where it does not exist;
 * under the name it had then (`png` was `vnc_png` in QEMU 5.2).
 */
export function optionDefault(key: string, version: string): string | undefined {
  const at = vocabularyFor(version);
  if (before(key, version)) return undefined;
  for (const name of [key, ...(FORMER_NAMES.get(key) ?? [])]) {
    const defaults = VOCABULARY.options[name]?.defaults ?? {};
    const value = defaults[String(at.index ?? at.above)] ?? defaults[String(at.below)];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Every key with a default in the version that stands for `version`, by its current name. */
export function optionKeys(version: string): string[] {
  return [...new Set(Object.keys(VOCABULARY.options).filter((key) => optionDefault(key, version) !== undefined).map(currentKey))];
}

/** Current names and the names they had before (`png`: `vnc_png`). */
const FORMER_NAMES = new Map<string, string[]>();
for (const [former, current] of Object.entries(VOCABULARY.renames)) FORMER_NAMES.set(current, [...(FORMER_NAMES.get(current) ?? []), former]);

/** The current name of a renamed key (`vnc_png` → `png`, `libssh2` → `libssh`). */
export function currentKey(key: string): string {
  return VOCABULARY.renames[key] ?? key;
}
