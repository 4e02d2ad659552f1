// Every code has its section in docs/findings.md, with the same headings, and nothing else is documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/model/codes.js';

const doc = readFileSync(new URL('../docs/findings.md', import.meta.url), 'utf8');
const sections = new Map(doc.split(/^## /m).slice(1).map((s) => [s.slice(0, s.indexOf('\n')), s] as const));

describe('docs/findings.md', () => {
  it('has one section per code, in order', () => {
    expect([...sections.keys()]).toEqual(Object.keys(CODES).sort());
  });

  it.each(Object.entries(CODES))('%s: names the code, its severity and has the fixed headings', (code, info) => {
    const section = sections.get(code)!;
    expect(section).toContain(`**${info.name}** (${info.severity}`);
    for (const heading of ['**Example**', '**Why it matters**', '**How to fix**', '**Exceptions**']) expect(section).toContain(heading);
  });
});
