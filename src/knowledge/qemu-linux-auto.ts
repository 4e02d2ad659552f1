/**
 * QEMU features that, left `auto`, build on a Linux host what `--enable-X` builds: no probe of the
 * build machine decides them (`if get_option('vmdk').allowed()`, vhost-user's
 * `.disable_auto_if(host_os != 'linux')`). Read from meson.build by scripts/qemu-linux-auto.mjs;
 * for a version between two read ones, a feature counts when both agree, and for a version outside
 * them, none does.
 */
import data from './qemu-linux-auto.json' with { type: 'json' };
import { compareVersions } from './qemu-vocabulary.js';

const READ: ReadonlyArray<[version: string, features: ReadonlySet<string>]> = Object.entries(data.versions as Record<string, string[]>)
  .map(([version, features]): [string, ReadonlySet<string>] => [version, new Set(features)])
  .sort(([a], [b]) => compareVersions(a, b));

const series = (version: string) => version.split('.').slice(0, 2).join('.');

/** Whether `key`, left auto in QEMU `version`, builds as if enabled on a Linux host. */
export function autoBuildsAsEnabled(key: string, version: string): boolean {
  const same = READ.find(([read]) => series(read) === series(version));
  if (same) return same[1].has(key);
  const above = READ.findIndex(([read]) => compareVersions(read, version) > 0);
  if (above <= 0) return false;
  return READ[above - 1]![1].has(key) && READ[above]![1].has(key);
}
