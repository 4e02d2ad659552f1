/**
 * File access, injected into readers: the CLI passes a host on the real file system, tests pass one
 * in memory, and a bot can pass one that serves files from a pull request without touching the disk.
 */

export type PathKind = 'file' | 'directory' | 'missing';

export interface ReadHost {
  kind(path: string): Promise<PathKind>;
  /** The file's bytes. Throws an `InputError` (FD104) if it cannot be read or is larger than `maxBytes`. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  /** Names of the entries of a directory, in no particular order. */
  list(directory: string): Promise<string[]>;
  /**
   * The path with every symbolic link resolved, for hosts that have links: readers that confine what an
   * input may pull in (`%include`, `source`) compare real paths, so a link cannot lead outside.
   */
  realPath?(path: string): Promise<string>;
}
