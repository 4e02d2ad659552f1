/**
 * Standard output and error written straight to their file descriptors. process.stdout would do, but
 * creating it loads Node's streams, ~2 ms of a run that takes ~75 ms, for text flagdiff writes at once.
 * A reader that goes away (`flagdiff ... | head`) ends the writing quietly, keeping the exit code; a
 * non-blocking pipe that is full for now (EAGAIN) is waited on, as Node's own streams would.
 */
import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export function fdWriter(fd: number, isTTY: boolean): { write(text: string): void; readonly isTTY: boolean } {
  let closed = false;
  return {
    isTTY,
    write(text) {
      let rest = Buffer.from(text);
      while (!closed && rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') closed = true;
          else if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
          else throw error;
        }
      }
    },
  };
}
