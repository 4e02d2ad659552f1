/**
 * The one Python literal Ubuntu's annotations use: a dict of strings, `{'amd64': 'y', "arm64": '"x"'}`,
 * read as `ast.literal_eval` reads it (single or double quotes, backslash escapes, a trailing comma).
 * Anything else (numbers, nested values, expressions) is refused with a reason: never evaluated.
 */

export type LiteralResult = { readonly ok: true; readonly value: ReadonlyArray<readonly [string, string]> } | { readonly ok: false; readonly reason: string };

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The dict's entries in written order; a repeated key keeps its first place and its last value, as in Python. */
export function parseStringDict(text: string): LiteralResult {
  let at = 0;
  const fail = (reason: string): LiteralResult => ({ ok: false, reason: `${reason} at column ${at + 1}` });
  const space = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const string = (): string | undefined => {
    const quote = text[at];
    if (quote !== "'" && quote !== '"') return undefined;
    let out = '';
    for (at++; at < text.length; at++) {
      const c = text[at]!;
      if (c === quote) {
        at++;
        return out;
      }
      if (c === '\\' && at + 1 < text.length) out += ESCAPES[text[++at]!] ?? `\\${text[at]}`;
      else out += c;
    }
    return undefined;
  };

  const entries = new Map<string, string>();
  space();
  if (text[at++] !== '{') return fail('expected "{"');
  for (;;) {
    space();
    if (text[at] === '}') break;
    const key = string();
    if (key === undefined) return fail('expected a quoted key');
    space();
    if (text[at++] !== ':') return fail('expected ":"');
    space();
    const value = string();
    if (value === undefined) return fail('expected a quoted string value');
    entries.set(key, value);
    space();
    if (text[at] === ',') at++;
    else if (text[at] !== '}') return fail('expected "," or "}"');
  }
  at++;
  space();
  if (at < text.length) return fail('unexpected text after "}"');
  return { ok: true, value: [...entries] };
}
