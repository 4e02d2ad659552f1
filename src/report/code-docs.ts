/** What docs/findings.md says about each code, stamped in at build time (scripts/code-docs.ts). */
import type { Code } from '../model/codes.js';

/** One code's section of docs/findings.md. */
export interface CodeDoc {
  /** The whole section, as Markdown. */
  readonly markdown: string;
  readonly why: string;
  readonly fix: string;
  readonly exceptions: string;
}

/** JSON text of `Record<Code, CodeDoc>`. */
declare const __FLAGDIFF_CODE_DOCS__: string;

let docs: Readonly<Record<string, CodeDoc>> | undefined;

/** The docs of a code; empty texts for a code the build did not see documented (test/docs.test.ts prevents that). */
export function codeDoc(code: Code): CodeDoc {
  docs ??= JSON.parse(__FLAGDIFF_CODE_DOCS__) as Readonly<Record<string, CodeDoc>>;
  return docs[code] ?? { markdown: '', why: '', fix: '', exceptions: '' };
}
