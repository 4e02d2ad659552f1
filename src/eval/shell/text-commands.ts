/**
 * Pure text filters emulated for known input, for callers that opt in: `sort` (-V -n -r -u, -C/-c
 * check mode), `cut` (-d -f -s), `tr` (sets, -d), `grep` (-q -v -E -F -x -w, -e), `bc` (one
 * comparison or sum per line), `cat` (standard input), `basename`, `dirname`. Nothing is run: each
 * answers only when its input is known and its options are understood, and otherwise leaves the
 * command unanswered, so the evaluator reports it as a command it did not run.
 */
import { posix } from 'node:path';
import { compilePosixRegex, escapeExtended, regexTest } from './posix-regex.js';
import type { CommandCall, CommandHook, CommandResult } from './shell-state.js';
import { textOf } from './shell-value.js';
import { compareVersions } from './version-sort.js';

/** The argument words and standard input as text, or `undefined` when any is unknown. */
function inputs(call: CommandCall, needsStdin: boolean): { args: string[]; stdin: string } | undefined {
  if (call.argv.some((a) => a.unknown !== undefined)) return undefined;
  if (needsStdin && (!call.stdin || call.stdin.unknown !== undefined)) return undefined;
  return { args: call.argv.slice(1).map(textOf), stdin: call.stdin ? textOf(call.stdin) : '' };
}

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

const output = (selected: readonly string[], status = 0): CommandResult => ({ status, stdout: selected.map((l) => `${l}\n`).join('') });

/** Short options, possibly grouped (`-Vr`), with the ones that take a value; `undefined` for anything else. */
function options(args: readonly string[], flags: string, valued = ''): { set: Set<string>; values: Map<string, string[]>; operands: string[] } | undefined {
  const set = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let k = 1; k < arg.length; k++) {
      const letter = arg.charAt(k);
      if (valued.includes(letter)) {
        const value = arg.slice(k + 1) || args[++i];
        if (value === undefined) return undefined;
        values.set(letter, [...(values.get(letter) ?? []), value]);
        break;
      }
      if (!flags.includes(letter)) return undefined;
      set.add(letter);
    }
  }
  return { set, values, operands };
}

const sort: CommandHook = (call) => {
  const io = inputs(call, true);
  const opts = io && options(io.args.map((a) => (a === '--version-sort' ? '-V' : a === '--check=quiet' ? '-C' : a)), 'VnruCcs');
  if (!io || !opts || opts.operands.length) return undefined;
  const { set } = opts;
  const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const key = (a: string, b: string) => (set.has('V') ? compareVersions(a, b) : set.has('n') ? Math.sign(parseFloat(a) || 0) * 0 + ((parseFloat(a) || 0) - (parseFloat(b) || 0)) : bytes(a, b));
  // Lines equal by key are ordered by their bytes ("last resort"), unless -s or -u.
  const compare = (a: string, b: string) => {
    const first = key(a, b);
    const result = first || set.has('s') || set.has('u') ? first : bytes(a, b);
    return set.has('r') ? -result : result;
  };
  const input = lines(io.stdin);
  if (set.has('C') || set.has('c')) {
    const sorted = input.every((line, i) => i === 0 || (set.has('u') ? compare(input[i - 1]!, line) < 0 : compare(input[i - 1]!, line) <= 0));
    return { status: sorted ? 0 : 1 };
  }
  const sorted = [...input].sort(compare);
  return output(set.has('u') ? sorted.filter((line, i) => i === 0 || compare(sorted[i - 1]!, line) !== 0) : sorted);
};

const cut: CommandHook = (call) => {
  const io = inputs(call, true);
  const opts = io && options(io.args, 's', 'df');
  const list = opts?.values.get('f')?.[0];
  if (!io || !opts || !list || opts.operands.length) return undefined;
  const delimiter = opts.values.get('d')?.[0] ?? '\t';
  if (delimiter.length !== 1) return undefined;
  const ranges = list.split(',').map((r) => /^([0-9]*)(-?)([0-9]*)$/.exec(r));
  if (ranges.some((r) => !r || (!r[1] && !r[3]))) return undefined;
  const wanted = (n: number) => ranges.some((r) => (r![2] ? n >= Number(r![1] || 1) && n <= Number(r![3] || Infinity) : n === Number(r![1])));
  const selected: string[] = [];
  for (const line of lines(io.stdin)) {
    if (!line.includes(delimiter)) {
      if (!opts.set.has('s')) selected.push(line);
      continue;
    }
    selected.push(line.split(delimiter).filter((_, i) => wanted(i + 1)).join(delimiter));
  }
  return output(selected);
};

const tr: CommandHook = (call) => {
  const io = inputs(call, true);
  const opts = io && options(io.args, 'd');
  if (!io || !opts) return undefined;
  const [from, to] = opts.operands.map(expandSet);
  if (from === undefined || (opts.set.has('d') ? to !== undefined : to === undefined || to.length === 0)) return undefined;
  let out = '';
  for (const ch of io.stdin) {
    const at = from.lastIndexOf(ch);
    if (at === -1) out += ch;
    else if (!opts.set.has('d')) out += to![Math.min(at, to!.length - 1)];
  }
  return { status: 0, stdout: out };
};

/** A `tr` set: escapes and ranges (`a-z`); classes are not supported. */
function expandSet(set: string): string | undefined {
  if (/\[:|\[=|\*/.test(set)) return undefined;
  const escaped = set.replace(/\\([ntr\\])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
  let out = '';
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i + 1] === '-' && i + 2 < escaped.length) {
      for (let c = escaped.charCodeAt(i); c <= escaped.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += escaped[i];
  }
  return out;
}

const grep: CommandHook = (call) => {
  const io = inputs(call, true);
  const opts = io && options(io.args, 'qvEFxws', 'e');
  if (!io || !opts) return undefined;
  const patterns = opts.values.get('e') ?? opts.operands.splice(0, 1);
  if (patterns.length === 0 || opts.operands.length) return undefined;
  const { set } = opts;
  const compiled = patterns.map((p) => {
    let source = set.has('F') ? escapeExtended(p) : p;
    if (set.has('w')) source = `(^|[^[:alnum:]_])(${source})([^[:alnum:]_]|$)`;
    if (set.has('x')) source = `^(${source})$`;
    return compilePosixRegex(source, set.has('E') || set.has('F') || set.has('w') || set.has('x') ? 'extended' : 'basic');
  });
  if (compiled.some((c) => 'refused' in c)) return undefined;
  const regexes = compiled.map((c) => ('regex' in c ? c.regex : undefined)!);
  const selected = lines(io.stdin).filter((line) => regexes.some((r) => regexTest(r, line)) !== set.has('v'));
  const status = selected.length ? 0 : 1;
  return set.has('q') ? { status } : output(selected, status);
};

/** `bc` for what version checks pipe into it: one `a OP b` per line with decimal numbers. */
const bc: CommandHook = (call) => {
  const io = inputs(call, true);
  if (!io || io.args.length) return undefined;
  const results: string[] = [];
  for (const line of lines(io.stdin)) {
    const match = /^\s*(-?[0-9]*\.?[0-9]+)\s*(<=|>=|==|!=|<|>|\+|-)\s*(-?[0-9]*\.?[0-9]+)\s*$/.exec(line);
    if (!match) return undefined;
    const [a, op, b] = [match[1]!, match[2]!, match[3]!];
    const cmp = compareDecimals(a, b);
    const truth: Record<string, boolean> = { '<': cmp < 0, '<=': cmp <= 0, '>': cmp > 0, '>=': cmp >= 0, '==': cmp === 0, '!=': cmp !== 0 };
    if (op in truth) results.push(truth[op] ? '1' : '0');
    else return undefined;
  }
  return output(results);
};

/** Exact comparison of two decimal numbers, as bc compares them (no floating point). */
function compareDecimals(a: string, b: string): number {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const toInt = (s: string) => {
    const [whole = '0', fraction = ''] = s.replace('-', '').split('.');
    const value = BigInt((whole || '0') + fraction.padEnd(scale, '0'));
    return s.startsWith('-') ? -value : value;
  };
  const [x, y] = [toInt(a), toInt(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

const cat: CommandHook = (call) => {
  const io = inputs(call, true);
  if (!io || io.args.some((a) => a !== '-')) return undefined;
  return { status: 0, stdout: io.stdin };
};

const basename: CommandHook = (call) => {
  const io = inputs(call, false);
  if (!io || io.args.length === 0 || io.args.length > 2 || io.args[0]!.startsWith('-')) return undefined;
  const base = posix.basename(io.args[0]!);
  const suffix = io.args[1];
  return { status: 0, stdout: `${suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base}\n` };
};

const dirname: CommandHook = (call) => {
  const io = inputs(call, false);
  if (!io || io.args.length !== 1 || io.args[0]!.startsWith('-')) return undefined;
  return { status: 0, stdout: `${posix.dirname(io.args[0]!)}\n` };
};

/** The filters by command name, to spread into `ShellOptions.hooks`. */
export const TEXT_COMMANDS: Readonly<Record<string, CommandHook>> = { sort, cut, tr, grep, bc, cat, basename, dirname };
