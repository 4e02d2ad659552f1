/** Whether a file is an ELF executable, by its first four bytes: how a `qemu-system-*` binary is told from a flags file. */
import { closeSync, openSync, readSync } from 'node:fs';

const ELF = [0x7f, 0x45, 0x4c, 0x46];

export function isElf(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(ELF.length);
    return readSync(fd, head, 0, ELF.length, 0) === ELF.length && ELF.every((b, i) => head[i] === b);
  } catch {
    return false; // the reader that follows names the problem
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
