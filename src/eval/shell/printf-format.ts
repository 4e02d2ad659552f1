/**
 * bash's `printf FORMAT [ARG...]` and `echo -e` escapes (bash(1) SHELL BUILTIN COMMANDS): conversions
 * `%s %b %q %c %d %i %u %o %x %X %e %f %g` with flags, width and precision (`*` too), the format reused
 * while arguments remain. Text an argument supplies keeps that argument's origins.
 */
import type { Origin } from '../../model/origin.js';
import type { Piece, ShellString } from './shell-value.js';
import { textOf } from './shell-value.js';

export interface PrintfResult {
  readonly pieces: readonly Piece[];
  readonly unknown?: string;
  /** bash's message for an argument that is not a number; the status is then 1. */
  readonly error?: string;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'" };
const CONVERSION = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([sbqcdiuoxXeEfFgG%])/y;
/** Bounds width and precision so that `%999999999s` cannot allocate without limit. */
const MAX_WIDTH = 10_000;

export function formatPrintf(format: ShellString, args: readonly ShellString[], origin: Origin): PrintfResult {
  const pieces: Piece[] = [];
  let unknown = format.unknown ?? args.find((a) => a.unknown !== undefined)?.unknown;
  let error: string | undefined;
  const text = textOf(format);
  const at = format.pieces[0]?.origin ?? origin;
  const emit = (out: string, from: Origin = at) => {
    if (out) pieces.push({ text: out, origin: from });
  };
  let next = 0;
  do {
    const start = next;
    for (let i = 0; i < text.length; ) {
      const ch = text.charAt(i);
      if (ch === '\\') {
        const escape = readEscape(text, i + 1, false);
        emit(escape.text);
        i = escape.end;
        continue;
      }
      if (ch !== '%') {
        const end = text.slice(i).search(/[\\%]/);
        const stop = end === -1 ? text.length : i + end;
        emit(text.slice(i, stop));
        i = stop;
        continue;
      }
      CONVERSION.lastIndex = i;
      const match = CONVERSION.exec(text);
      if (!match) {
        emit('%');
        i++;
        continue;
      }
      i += match[0].length;
      const [, flags = '', widthSpec, precisionSpec, conversion] = match;
      if (conversion === '%') {
        emit('%');
        continue;
      }
      const take = () => args[next++];
      const width = widthSpec === '*' ? Number(textOf(take() ?? ({ pieces: [], origin } as ShellString))) || 0 : Number(widthSpec ?? 0);
      const precision = precisionSpec === undefined ? undefined : precisionSpec === '*' ? Number(textOf(take() ?? ({ pieces: [], origin } as ShellString))) || 0 : Number(precisionSpec || 0);
      const arg = take();
      const converted = convert(conversion!, flags, Math.min(width, MAX_WIDTH), precision === undefined ? undefined : Math.min(precision, MAX_WIDTH), arg);
      error ??= converted.error;
      if (converted.stop) return { pieces, ...(unknown ? { unknown } : {}), ...(error ? { error } : {}) };
      for (const piece of converted.pieces) emit(piece.text, piece.origin === ARG_ORIGIN ? (arg?.pieces[0]?.origin ?? at) : piece.origin === FORMAT_ORIGIN ? at : piece.origin);
    }
    if (next === start) break;
  } while (next < args.length);
  unknown ??= undefined;
  return { pieces, ...(unknown !== undefined ? { unknown } : {}), ...(error ? { error } : {}) };
}

/** Placeholders: converted text takes the argument's origin, padding takes the format's. */
const ARG_ORIGIN: Origin = { file: '<arg>', line: 0 };
const FORMAT_ORIGIN: Origin = { file: '<format>', line: 0 };

interface Converted {
  readonly pieces: readonly Piece[];
  readonly error?: string;
  readonly stop?: boolean;
}

function convert(conversion: string, flags: string, width: number, precision: number | undefined, arg: ShellString | undefined): Converted {
  const raw = arg ? textOf(arg) : '';
  const pad = (body: Piece[], length: number): Piece[] => {
    if (length >= width) return body;
    const fill = { text: ' '.repeat(width - length), origin: FORMAT_ORIGIN };
    return flags.includes('-') ? [...body, fill] : [fill, ...body];
  };
  if (conversion === 's' || conversion === 'b' || conversion === 'q' || conversion === 'c') {
    let body: Piece[];
    let stop = false;
    if (conversion === 's' && arg && precision === undefined) body = [...arg.pieces];
    else {
      let text = raw;
      if (conversion === 'b') {
        const expanded = expandEscapes(raw, true);
        text = expanded.text;
        stop = expanded.stop;
      } else if (conversion === 'q') text = shellQuote(raw);
      else if (conversion === 'c') text = raw.charAt(0);
      if (precision !== undefined) text = text.slice(0, precision);
      body = text ? [{ text, origin: ARG_ORIGIN }] : [];
    }
    const length = body.reduce((n, p) => n + p.text.length, 0);
    return { pieces: pad(body, length), ...(stop ? { stop } : {}) };
  }
  const { value, error } = parseNumber(raw);
  const text = formatNumber(conversion, flags, precision, value);
  const zeroPad = flags.includes('0') && !flags.includes('-') && text.length < width && !'eEfFgG'.includes(conversion);
  const padded = zeroPad ? text.replace(/^([+-]?)/, `$1${'0'.repeat(width - text.length)}`) : text;
  return { pieces: pad([{ text: padded, origin: ARG_ORIGIN }], padded.length), ...(error ? { error } : {}) };
}

function parseNumber(raw: string): { value: bigint | number; error?: string } {
  const text = raw.trim();
  if (text === '') return { value: 0n };
  if (/^['"]/.test(text)) return { value: BigInt(text.codePointAt(1) ?? 0) };
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(text)) {
    const negative = text.startsWith('-');
    const body = text.replace(/^[+-]/, '');
    const value = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
    return { value: negative ? -value : value };
  }
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text)) return { value: Number(text) };
  return { value: 0n, error: `${raw}: invalid number` };
}

function formatNumber(conversion: string, flags: string, precision: number | undefined, value: bigint | number): string {
  if ('eEfFgG'.includes(conversion)) {
    const n = Number(value);
    const p = precision ?? 6;
    const text = conversion === 'f' || conversion === 'F' ? n.toFixed(p) : conversion === 'e' || conversion === 'E' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)));
    return conversion === conversion.toUpperCase() ? text.toUpperCase() : text;
  }
  const int = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  const unsigned = int < 0n ? BigInt.asUintN(64, int) : int;
  let text: string;
  if (conversion === 'o') text = (flags.includes('#') ? '0' : '') + unsigned.toString(8);
  else if (conversion === 'x' || conversion === 'X') text = (flags.includes('#') && unsigned !== 0n ? '0x' : '') + unsigned.toString(16);
  else if (conversion === 'u') text = unsigned.toString();
  else text = (int >= 0n && flags.includes('+') ? '+' : int >= 0n && flags.includes(' ') ? ' ' : '') + int.toString();
  if (precision !== undefined) text = text.replace(/^([+ -]?)([0-9a-fA-Fx]*)$/, (_, sign: string, digits: string) => sign + digits.padStart(precision, '0'));
  return conversion === 'X' ? text.toUpperCase() : text;
}

/** One escape after a backslash at `start`; `echo` mode reads `\0NNN` octal and stops at `\c`. */
function readEscape(text: string, start: number, echo: boolean): { text: string; end: number; stop?: boolean } {
  const ch = text.charAt(start);
  if (ch in SIMPLE_ESCAPES && !(echo && (ch === '"' || ch === "'"))) return { text: SIMPLE_ESCAPES[ch]!, end: start + 1 };
  if (ch === 'c' && echo) return { text: '', end: start + 1, stop: true };
  if (ch === 'x') {
    const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(start + 1))?.[0];
    if (hex) return { text: String.fromCharCode(parseInt(hex, 16)), end: start + 1 + hex.length };
  }
  const octal = (echo ? /^0[0-7]{0,3}/ : /^[0-7]{1,3}/).exec(text.slice(start))?.[0];
  if (octal) return { text: String.fromCharCode(parseInt(octal, 8) & 0xff), end: start + octal.length };
  return { text: ch ? `\\${ch}` : '\\', end: start + (ch ? 1 : 0) };
}

/** `echo -e` and `printf %b`: backslash escapes in text; `\c` ends the output. */
export function expandEscapes(text: string, echo = true): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const slash = text.indexOf('\\', i);
    if (slash === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, slash);
    const escape = readEscape(text, slash + 1, echo);
    out += escape.text;
    if (escape.stop) return { text: out, stop: true };
    i = escape.end;
  }
  return { text: out, stop: false };
}

/** `%q`: backslashes before characters the shell would treat specially, as bash prints them. */
function shellQuote(text: string): string {
  if (text === '') return "''";
  return text.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`));
}
