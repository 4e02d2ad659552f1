/**
 * The package variables debian/rules gets from `include /usr/share/dpkg/pkg-info.mk`: the source name,
 * version parts and distribution of debian/changelog's first entry, and SOURCE_DATE_EPOCH from its
 * date. pkg-info.mk runs dpkg-parsechangelog and sed for them; this reads the changelog text instead
 * (Dpkg::Changelog::Entry::Debian's header and trailer lines) and applies the same sed expressions.
 */

/** Dpkg::Changelog::Entry::Debian $regex_header: `source (version) dist1 dist2; key=value`. */
const HEADER = /^(\w[-+0-9a-z.]*) \(([^() \t]+)\)((?:\s+[-+0-9a-z.]+)+);(.*?)\s*$/i;

/** $regex_trailer: ` -- Name <email>  [Day, ]DD Mon YYYY HH:MM:SS +ZZZZ`. */
const TRAILER = /^ -- (.*) <(.*)>( {1,2})((\w+),\s*)?(\d{1,2})\s+(\w+)\s+(\d{4})\s+(\d{1,2}):(\d\d):(\d\d)\s+([-+])(\d\d)(\d\d)\s*$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * DEB_SOURCE, DEB_VERSION, DEB_VERSION_EPOCH_UPSTREAM, DEB_VERSION_UPSTREAM_REVISION,
 * DEB_VERSION_UPSTREAM, DEB_DISTRIBUTION and SOURCE_DATE_EPOCH, as make sees them (empty where
 * dpkg-parsechangelog finds nothing). Versions are taken as written: dpkg's validity checks are not made.
 */
export function packageInfoVariables(changelogText: string): Record<string, string> {
  const lines = changelogText.split('\n');
  const start = lines.findIndex((line) => HEADER.test(line));
  const header = start === -1 ? undefined : HEADER.exec(lines[start]!);
  const version = header?.[2] ?? '';
  const epochUpstream = version.replace(/-[^-]*$/, '');
  const entry = start === -1 ? [] : lines.slice(start + 1);
  const next = entry.findIndex((line) => HEADER.test(line));
  const trailer = (next === -1 ? entry : entry.slice(0, next)).find((line) => line.startsWith(' -- '));
  return {
    DEB_SOURCE: header?.[1] ?? '',
    DEB_VERSION: version,
    DEB_VERSION_EPOCH_UPSTREAM: epochUpstream,
    DEB_VERSION_UPSTREAM_REVISION: version.replace(/^[0-9]*:/, ''),
    DEB_VERSION_UPSTREAM: epochUpstream.replace(/^[0-9]*:/, ''),
    DEB_DISTRIBUTION: (header?.[3] ?? '').trim().split(/\s+/).join(' '),
    SOURCE_DATE_EPOCH: trailer === undefined ? '' : timestampOf(trailer),
  };
}

/** Seconds since the epoch of the trailer's date (Time::Piece `%d %b %Y %T %z`); empty when it does not parse. */
function timestampOf(trailer: string): string {
  const match = TRAILER.exec(trailer);
  if (!match) return '';
  const [, , , , , , day, monthName, year, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
  const month = MONTHS.findIndex((m) => m.toLowerCase() === monthName!.slice(0, 3).toLowerCase());
  if (month === -1) return '';
  const local = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second)) / 1000;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60;
  return String(sign === '+' ? local - offset : local + offset);
}
