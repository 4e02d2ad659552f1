/** Turns a reference configuration (merged fragments) into requirements, each with its reasons. */
import type { ConfigSet } from './config-set.js';
import { writersOf } from './merge-config-sets.js';
import type { Profile, Requirement } from './requirement.js';
import type { WaiverSet } from './waiver.js';

export interface ProfileOptions {
  readonly name: string;
  readonly source?: string;
  readonly arch?: string;
  readonly flavor?: string;
  readonly meta?: Readonly<Record<string, string>>;
  /** What the reference lets a candidate leave out (Kata's whitelist), as built-in waivers. */
  readonly waivers?: WaiverSet;
}

/**
 * Every setting becomes a requirement. Its reasons are the names of the files that wrote it
 * (`common/9p.conf` → `9p`), since Kata names its fragments after what they are for.
 */
export function profileFromConfig(set: ConfigSet, options: ProfileOptions): Profile {
  const requirements = new Map<string, Requirement>();
  const reasonByFile = new Map<string, string>();
  const reasonOfFile = (file: string) => reasonByFile.get(file) ?? reasonByFile.set(file, reasonOf(file)).get(file)!;
  for (const [key, setting] of set.settings) {
    const reasons = setting.writers ? [...new Set(writersOf(setting).map((w) => reasonOfFile(w.origin.file)))] : [reasonOfFile(setting.origin.file)];
    requirements.set(key, {
      key,
      want: setting.value,
      reasons,
      origin: setting.origin,
      ...(setting.writers ? { writers: setting.writers } : {}),
    });
  }
  return {
    name: options.name,
    domain: set.domain,
    source: options.source ?? set.meta.source,
    ...(options.arch ? { arch: options.arch } : {}),
    ...(options.flavor ? { flavor: options.flavor } : {}),
    ...(options.meta ? { meta: options.meta } : {}),
    requirements,
    ...(options.waivers ? { waivers: options.waivers } : {}),
  };
}

/** `fragments/common/9p.conf` → `9p`; `gpu/nvidia.x86_64.conf.in` → `nvidia.x86_64`; `i386-softmmu.mak` → `i386-softmmu`. */
export function reasonOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.replace(/\.(conf(\.in)?|mak)$/, '') || base;
}
