// Reads docs/findings.md into per-code help for SARIF rules. tsup and vitest inject the result as
// __FLAGDIFF_CODE_DOCS__, so the docs stay the one place each code is explained.
import { readFileSync } from 'node:fs';

export interface CodeDoc {
  /** The whole section below the `## FDxxx` heading, as Markdown. */
  readonly markdown: string;
  /** The text of each `- **Heading**: text` item, Markdown as written. */
  readonly why: string;
  readonly fix: string;
  readonly exceptions: string;
}

export function readCodeDocs(path = new URL('../docs/findings.md', import.meta.url)): Record<string, CodeDoc> {
  const docs: Record<string, CodeDoc> = {};
  for (const section of readFileSync(path, 'utf8').split(/^## /m).slice(1)) {
    const code = section.slice(0, section.indexOf('\n')).trim();
    const body = section.slice(section.indexOf('\n') + 1).trim();
    const item = (heading: string) => {
      const match = new RegExp(`^- \\*\\*${heading}\\*\\*: ([\\s\\S]*?)(?=^- \\*\\*|(?![\\s\\S]))`, 'm').exec(body);
      return (match?.[1] ?? '').replace(/\s*\n\s*/g, ' ').trim();
    };
    docs[code] = { markdown: body, why: item('Why it matters'), fix: item('How to fix'), exceptions: item('Exceptions') };
  }
  return docs;
}
