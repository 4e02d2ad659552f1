/** `--format`: the document in the format asked for. Formats other than text and JSON load on demand. */
import type { DiffSides } from '../compare/diff-sides.js';
import type { ReportDocument } from '../model/report.js';
import { formatJson } from '../report/format-json.js';
import { formatText } from '../report/format-text.js';
import { chooseStyle } from './color.js';
import type { CliIo } from './io.js';

export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github', 'diff'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderContext {
  readonly io: CliIo;
  /** `--color` / `--no-color`; colour is for text on standard output only. */
  readonly color: boolean | undefined;
  readonly quiet: boolean;
  /** `-o FILE`: no colour in a file. */
  readonly output: string | undefined;
  /** For `diff`: the normalised sides of each report. */
  readonly sides?: readonly DiffSides[];
  /** `--category`: the SARIF category and the Markdown marker, so that a bot tells its runs apart. */
  readonly category?: string;
}

export async function renderDocument(format: Format, document: ReportDocument, context: RenderContext): Promise<string> {
  switch (format) {
    case 'text': {
      const style = context.output ? undefined : await chooseStyle(context.io, context.color);
      return formatText(document, { ...(style ? { style } : {}), quiet: context.quiet });
    }
    case 'json':
      return formatJson(document);
    case 'markdown':
      return (await import('../report/format-markdown.js')).formatMarkdown(document, context.category === undefined ? {} : { marker: context.category });
    case 'sarif':
      return (await import('../report/format-sarif.js')).formatSarif(document, context.category === undefined ? {} : { category: context.category });
    case 'github':
      return (await import('../report/format-github.js')).formatGithub(document);
    case 'diff':
      return (await import('../report/format-diff.js')).formatDiff(document, context.sides ? { sides: context.sides } : {});
  }
}
