/**
 * Brace expansion (bash(1) Brace Expansion), the first expansion of a word: `pre{a,b}post` and
 * sequences `{1..5}`, `{a..e}`, `{01..10..2}`, nested. A brace expression must lie inside one unquoted
 * literal part of the word (what recipes write: `--enable-{kvm,vhost-net}`, `build-{main,mini}`);
 * the other parts are repeated in each resulting word, as bash does.
 */
import type { Word, WordPart } from './shell-ast.js';

/** Bounds the words one expression makes (`{1..100000000}`). */
const MAX_WORDS = 10_000;

export function expandBraces(word: Word): Word[] {
  for (const [index, part] of word.parts.entries()) {
    if (part.kind !== 'literal' || part.quoted) continue;
    const found = findBrace(part.text);
    if (!found) continue;
    const { start, end, alternatives } = found;
    return alternatives.flatMap((alternative) => {
      const parts: WordPart[] = [...word.parts];
      parts[index] = { ...part, text: part.text.slice(0, start) + alternative + part.text.slice(end + 1) };
      return expandBraces({ ...word, parts });
    }).slice(0, MAX_WORDS);
  }
  return [word];
}

/** The first brace expression in the text: where it is and what it stands for. */
function findBrace(text: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    if (start > 0 && text.charAt(start - 1) === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < text.length; i++) {
      const ch = text.charAt(i);
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === ',' && depth === 1) commas.push(i);
      else if (ch === '}' && --depth === 0) {
        const body = text.slice(start + 1, i);
        const alternatives = commas.length ? split(text, start, i, commas) : sequence(body);
        if (alternatives) return { start, end: i, alternatives };
        break;
      }
    }
  }
  return undefined;
}

function split(text: string, start: number, end: number, commas: readonly number[]): string[] {
  const bounds = [start, ...commas, end];
  return bounds.slice(1).map((to, i) => text.slice(bounds[i]! + 1, to));
}

/** `{x..y[..step]}` of integers (zero-padded when either end is) or of single letters. */
function sequence(body: string): string[] | undefined {
  const numbers = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(body);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?[0-9]+))?$/.exec(body);
  const match = numbers ?? letters;
  if (!match) return undefined;
  const from = numbers ? Number(match[1]) : match[1]!.charCodeAt(0);
  const to = numbers ? Number(match[2]) : match[2]!.charCodeAt(0);
  const step = Math.abs(Number(match[3] ?? 1)) || 1;
  if (Math.abs(to - from) / step > MAX_WORDS) return undefined;
  const width = numbers && /^-?0[0-9]/.test(match[1]!) || (numbers && /^-?0[0-9]/.test(match[2]!)) ? Math.max(match[1]!.length, match[2]!.length) : 0;
  const out: string[] = [];
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
    out.push(numbers ? (n < 0 ? `-${String(-n).padStart(width - 1, '0')}` : String(n).padStart(width, '0')) : String.fromCharCode(n));
  }
  return out;
}
