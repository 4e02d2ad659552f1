/** The sections of a spec (build/parseSpec.c partList, rpm 4.18) and how each strips its lines. */

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
