/**
 * File access, injected into readers: the CLI passes a host on the real file system, tests pass one
 * in memory, and a bot can pass one that serves files from a pull request without touching the disk.
 */

export type PathKind = 'file' | 'directory' | 'missing';

export interface ReadHost {
  kind(path: string): Promise<PathKind>;
  /** The file's bytes. Throws an `InputError` (FD104) if it cannot be read or is larger than `maxBytes`. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * A faster way to the text of a regular file within `maxBytes`, when the host has one (Node's
   * one-call UTF-8 read); `undefined` sends the caller to `readFile`, which decides what the bytes
   * are. The caller takes the text only where decoding the bytes would give the same (`readInputText`).
   */
  readText?(path: string, maxBytes: number): string | undefined;
  /** Names of the entries of a directory, in no particular order. */
  list(directory: string): Promise<string[]>;
  /**
   * The path with every symbolic link resolved, for hosts that have links: readers that confine what an
   * input may pull in (`%include`, `source`) compare real paths, so a link cannot lead outside.
   */
  realPath?(path: string): Promise<string>;
}
