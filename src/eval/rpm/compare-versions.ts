/** rpm's version order, for `v"..."` values in expressions (rpmio/rpmvercmp.c, rpmio/rpmver.c of rpm 4.18). */

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** rpmvercmp: -1, 0 or 1. Digits compare as numbers, `~` sorts before anything, `^` after the base. */
function compareVersionStrings(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const skip = (s: string, k: number) => {
    while (k < s.length && !isDigit(s[k]) && !isAlpha(s[k]) && s[k] !== '~' && s[k] !== '^') k++;
    return k;
  };
  while (i < a.length || j < b.length) {
    i = skip(a, i);
    j = skip(b, j);
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    const numeric = isDigit(a[i]);
    const test = numeric ? isDigit : isAlpha;
    let ie = i;
    let je = j;
    while (ie < a.length && test(a[ie])) ie++;
    while (je < b.length && test(b[je])) je++;
    if (je === j) return numeric ? 1 : -1;
    let one = a.slice(i, ie);
    let two = b.slice(j, je);
    if (numeric) {
      one = one.replace(/^0+/, '');
      two = two.replace(/^0+/, '');
      if (one.length !== two.length) return one.length > two.length ? 1 : -1;
    }
    if (one !== two) return one < two ? -1 : 1;
    i = ie;
    j = je;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

interface Evr {
  readonly epoch?: string;
  readonly version: string;
  readonly release?: string;
}

/** `[epoch:]version[-release]`, split as rpm's parseEVR does. */
function parseEvr(evr: string): Evr {
  let s = 0;
  while (isDigit(evr[s])) s++;
  const dash = evr.lastIndexOf('-');
  const releaseAt = dash >= s ? dash : -1;
  const versionEnd = releaseAt === -1 ? evr.length : releaseAt;
  const release = releaseAt === -1 ? undefined : evr.slice(releaseAt + 1);
  if (evr[s] === ':') {
    const epoch = evr.slice(0, s) || '0';
    return { epoch, version: evr.slice(s + 1, versionEnd), ...(release === undefined ? {} : { release }) };
  }
  return { version: evr.slice(0, versionEnd), ...(release === undefined ? {} : { release }) };
}

/** rpmverCmp: epochs (missing is 0), then versions, then releases (a missing one sorts first). */
export function compareEvr(a: string, b: string): number {
  const [x, y] = [parseEvr(a), parseEvr(b)];
  const values = (p?: string, q?: string) => (p === undefined && q === undefined ? 0 : p === undefined ? -1 : q === undefined ? 1 : compareVersionStrings(p, q));
  return values(x.epoch ?? '0', y.epoch ?? '0') || values(x.version, y.version) || values(x.release, y.release);
}
