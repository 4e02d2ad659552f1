/** What the CLI needs from its process, injected so tests run it in memory. */

export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, for the path `-`. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** Exit codes of the public contract. */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

/** A mistake in how flagdiff was called: printed with a pointer to --help, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
