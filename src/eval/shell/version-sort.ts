/**
 * GNU version ordering, as `sort -V` applies it: gnulib's `filevercmp` (file suffixes such as `.tar.gz`
 * compared last) over Debian's `verrevcmp` (runs of digits compared as numbers, `~` before everything).
 */

function order(ch: string | undefined): number {
  if (ch === undefined) return 0;
  if (/[0-9]/.test(ch)) return 0;
  if (/[A-Za-z]/.test(ch)) return ch.charCodeAt(0);
  if (ch === '~') return -1;
  return ch.charCodeAt(0) + 256;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** Debian's version comparison of `a[0..aLength)` and `b[0..bLength)`. */
function verrevcmp(a: string, aLength: number, b: string, bLength: number): number {
  let i = 0;
  let j = 0;
  while (i < aLength || j < bLength) {
    while ((i < aLength && !isDigit(a[i])) || (j < bLength && !isDigit(b[j]))) {
      const ac = i === aLength ? 0 : order(a[i]);
      const bc = j === bLength ? 0 : order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (i < aLength && a[i] === '0') i++;
    while (j < bLength && b[j] === '0') j++;
    let firstDiff = 0;
    while (i < aLength && j < bLength && isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < aLength && isDigit(a[i])) return 1;
    if (j < bLength && isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Length of a name without its file suffix (`(\.[A-Za-z~][A-Za-z0-9~]*)*$`). */
function prefixLength(s: string): number {
  let prefix = 0;
  for (let i = 0; i < s.length; ) {
    i++;
    prefix = i;
    while (i + 1 < s.length && s[i] === '.' && (/[A-Za-z]/.test(s[i + 1]!) || s[i + 1] === '~')) {
      for (i += 2; i < s.length && (/[A-Za-z0-9]/.test(s[i]!) || s[i] === '~'); i++);
    }
  }
  return prefix;
}

/** gnulib filevercmp: negative, zero or positive as `a` sorts before, with, or after `b`. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  if (a.startsWith('.') || b.startsWith('.')) {
    if (!b.startsWith('.')) return -1;
    if (!a.startsWith('.')) return 1;
    for (const special of ['.', '..']) {
      if (a === special) return -1;
      if (b === special) return 1;
    }
  }
  const aPrefix = prefixLength(a);
  const bPrefix = prefixLength(b);
  const result = verrevcmp(a, aPrefix, b, bPrefix);
  if (result || (aPrefix === a.length && bPrefix === b.length)) return result;
  return verrevcmp(a, a.length, b, b.length);
}
