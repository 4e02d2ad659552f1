/** Text made safe for GitHub-flavoured Markdown table cells: nothing in it can end a cell, a code span or a tag. */

/** Inline code. A `|` would end the table cell even inside backticks, so it is escaped (GFM tables, example 200). */
export function code(value: string): string {
  const flat = oneLine(value);
  if (flat === '') return '';
  // Inside <code>, Markdown still reads backticks as code spans, so they are entities too.
  if (flat.includes('`')) return `<code>${escapeHtml(flat).replace(/\|/g, '&#124;').replace(/`/g, '&#96;')}</code>`;
  return `\`${flat.replace(/\|/g, '\\|')}\``;
}

const ENTITY: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
const WORD = /[A-Za-z0-9]/;

/**
 * Plain text: Markdown punctuation backslash-escaped, HTML characters as entities. An `_` between two
 * letters or digits cannot start or end emphasis (GFM's flanking rules), so `x86_64` stays as it is.
 */
export function text(value: string): string {
  return oneLine(value).replace(/[\\`*_[\]|~<>&]/g, (c, at: number, s: string) => {
    if (ENTITY[c]) return ENTITY[c]!;
    if (c === '_' && WORD.test(s[at - 1] ?? '') && WORD.test(s[at + 1] ?? '')) return c;
    return `\\${c}`;
  });
}

export function escapeHtml(value: string): string {
  return value.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ');
}
