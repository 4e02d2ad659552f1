/** The working directory the script is in: `cd`, `pushd`, `popd`, and paths resolved against it. */
import { posix } from 'node:path';
import type { ShellState } from './shell-state.js';
import type { ShellString } from './shell-value.js';
import { textOf, unknownString, withText } from './shell-value.js';

/** A path made absolute against the working directory, or Unknown when either is. */
export function resolvePath(state: ShellState, path: ShellString): ShellString {
  if (path.unknown !== undefined) return path;
  const text = textOf(path);
  if (text.startsWith('/')) return withText(path, posix.normalize(text));
  if (state.cwd.unknown !== undefined) return unknownString(`the working directory (${state.cwd.unknown})`, path.origin, path.pieces);
  return withText(path, posix.join(textOf(state.cwd), text));
}

/** `cd DIR`: the new working directory; its existence is not checked (the build that succeeds had it). */
export function changeDirectory(state: ShellState, target: ShellString): void {
  state.cwd = resolvePath(state, target);
}

export function pushDirectory(state: ShellState, target: ShellString): void {
  state.dirStack = [state.cwd, ...state.dirStack];
  changeDirectory(state, target);
}

/** `popd`: false when the stack is empty, as bash's "directory stack empty". */
export function popDirectory(state: ShellState): boolean {
  const [top, ...rest] = state.dirStack;
  if (!top) return false;
  state.cwd = top;
  state.dirStack = rest;
  return true;
}

/** `mkdir [-p] DIR...`: records the directories so that later `-d` tests know them. */
export function makeDirectories(state: ShellState, args: readonly ShellString[]): void {
  for (const arg of args) {
    if (textOf(arg).startsWith('-') || arg.unknown !== undefined) continue;
    const resolved = resolvePath(state, arg);
    if (resolved.unknown !== undefined) continue;
    for (let dir = textOf(resolved); dir !== '/' && dir !== '.'; dir = posix.dirname(dir)) state.created.set(dir, 'directory');
  }
}
