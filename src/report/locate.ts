/** Where a finding or diagnostic is shown by tools that annotate files: SARIF, GitHub, Markdown. */
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { Origin } from '../model/origin.js';

/** The candidate's line when it mentions the key, else the line of the reference that asks for it. */
export function primaryOrigin(finding: Finding): Origin {
  return finding.candidate ?? finding.reference;
}

/** A diagnostic's place; line 0 (the file as a whole) becomes line 1, since annotations need a line. */
export function diagnosticOrigin(d: Diagnostic): Origin {
  return { file: d.file, line: Math.max(d.line, 1) };
}
