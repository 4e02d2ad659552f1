/** The sections of a spec (build/parseSpec.c partList, rpm 4.18) and how each strips its lines. */
import type { MacroDefinition } from './macro-table.js';
import { sliceText, spannedText } from './spanned-text.js';
import type { SpannedText } from './spanned-text.js';

/** Keywords that start a section, in rpm's matching order (a longer keyword before its prefix). */
const PARTS = [
  'package', 'prep', 'generate_buildrequires', 'conf', 'build', 'install', 'check', 'clean', 'preun', 'postun', 'pretrans',
  'posttrans', 'pre', 'post', 'files', 'changelog', 'description', 'triggerpostun', 'triggerprein', 'triggerun', 'triggerin',
  'trigger', 'verifyscript', 'sepolicy', 'filetriggerin', 'filetrigger', 'filetriggerun', 'filetriggerpostun',
  'transfiletriggerin', 'transfiletrigger', 'transfiletriggerun', 'transfiletriggerpostun', 'end', 'patchlist', 'sourcelist',
];

/** isPart: the keyword a line starts with, case-insensitively, followed by a blank or the end. */
export function partOf(line: string): string | undefined {
  if (line[0] !== '%') return undefined;
  const lower = line.slice(1, 26).toLowerCase();
  return PARTS.find((part) => lower.startsWith(part) && (line.length === part.length + 1 || /\s/.test(line[part.length + 1]!)));
}

/** STRIP_COMMENTS, STRIP_TRAILINGSPACE and STRIP_PARSED, as each section's parser passes them to readLine. */
export interface Strip {
  readonly comments: boolean;
  readonly trailingSpace: boolean;
  /** %prep: lines go to rpm's parsed text only after %setup and %patch are handled. */
  readonly parsedApart: boolean;
}

const TEXT: Strip = { comments: true, trailingSpace: true, parsedApart: false };
const SCRIPT: Strip = { comments: false, trailingSpace: false, parsedApart: false };
const LIST: Strip = { comments: true, trailingSpace: false, parsedApart: false };

export function stripOf(kind: string): Strip {
  if (kind === 'preamble' || kind === 'package' || kind === 'description' || kind === 'sepolicy' || kind === 'patchlist' || kind === 'sourcelist' || kind === 'end') return TEXT;
  if (kind === 'prep') return { comments: false, trailingSpace: false, parsedApart: true };
  if (kind === 'files' || kind === 'changelog') return LIST;
  return SCRIPT;
}

/** handleComments and the trailing-space cut, as the section's strip flags ask. */
export function stripLine(line: SpannedText, start: number, flags: Strip): SpannedText {
  let end = line.text.length;
  if (flags.comments && line.text[start] === '#') end = start;
  if (flags.trailingSpace) while (end > 0 && /\s/.test(line.text[end - 1]!)) end--;
  return end === line.text.length ? line : sliceText(line, 0, end);
}

/** While %files is read, %license is a file attribute, not the License: tag. */
export const LICENSE_IN_FILES: MacroDefinition = { name: 'license', body: spannedText('%license', null), level: 0, literal: true };
