/**
 * Standard output or error that is no terminal (a pipe, a file, /dev/null), written straight to its file
 * descriptor. process.stdout would do, but creating it loads Node's streams, ~2 ms of a run that takes
 * ~75 ms, for text flagdiff writes at once.
 * A reader that goes away (`flagdiff ... | head`) ends the writing quietly, keeping the exit code; a
 * non-blocking pipe that is full for now (EAGAIN) is waited on, as Node's own streams would.
 */
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function fdWriter(fd: number): { write(text: string): void; readonly isTTY: false } {
  let closed = false;
  /** Runs a write, telling whether to go on: EPIPE ends all writing, EAGAIN waits a moment. */
  const attempt = (write: () => void): boolean => {
    try {
      write();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') closed = true;
      else if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else throw error;
    }
    return !closed;
  };
  return {
    isTTY: false,
    write(text) {
      if (closed || text === '') return;
      // Most writes go whole in one call, the string encoded by Node itself; the bytes are made in
      // JavaScript only for what a full pipe left over.
      let written = 0;
      if (!attempt(() => (written = writeSync(fd, text)))) return;
      const length = Buffer.byteLength(text);
      if (written === length) return;
      let rest = Buffer.from(text).subarray(written);
      while (rest.length > 0) {
        if (!attempt(() => (rest = rest.subarray(writeSync(fd, rest))))) return;
      }
    },
  };
}
