/** `--format json`: the report model is the schema (DESIGN.md §6), printed as is. */
import type { ReportDocument } from '../model/report.js';

export function formatJson(document: ReportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
