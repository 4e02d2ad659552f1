/**
 * The shipped JSON Schema (schema/report.schema.json), closed: the shipped schema lets later versions
 * add properties, and the tests hold this version to it exactly, with `additionalProperties: false`
 * wherever it lists properties, so an output field the schema does not describe fails.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { PROJECT } from './corpus.js';

const schema = JSON.parse(readFileSync(`${PROJECT}/schema/report.schema.json`, 'utf8')) as Record<string, unknown>;

function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  return 'properties' in copy ? { additionalProperties: false, ...copy } : copy;
}

const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(closed(schema) as object);

/** What the closed schema says is wrong with a document, `[]` when it is valid. */
export function reportSchemaErrors(document: unknown): string[] {
  return validate(document) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
}
