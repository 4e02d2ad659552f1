/**
 * The OASIS SARIF 2.1.0 schema as shipped in @microsoft/jest-sarif, validated as node-ecosystem.md §3.2
 * describes: ajv with draft-04 and formats, and no unicode flag (the schema's `language` pattern is not
 * a valid unicode regular expression).
 */
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);

/** What the schema finds wrong with a log, one line per error; empty when it is valid. */
export function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`.trim());
}
