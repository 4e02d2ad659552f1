/**
 * One requirement of the reference against the candidate's effective option. Features compare as
 * states (§3 rule 6: `--enable-X` is a hard requirement, `auto` degrades silently); lists of targets
 * as sets; booleans, choices and hardening options by value.
 */
import type { Finding } from '../model/finding.js';
import { fixedIn } from '../knowledge/qemu-vocabulary.js';
import { defaultValue } from './effective-qemu.js';
import type { EffectiveOption } from './effective-qemu.js';
import { qemuFinding } from './qemu-finding.js';

const HOW: Readonly<Record<EffectiveOption['how'], string>> = {
  explicit: 'written',
  default: "the version's default",
  'without-default-features': 'auto, turned off by --without-default-features',
  'linux-auto': "auto, the version's default, which on Linux builds what --enable builds",
  targets: 'read from its targets',
  fixed: 'the same in every build of this version',
};

export function judgeOption(want: EffectiveOption, have: EffectiveOption | undefined, version: string): Finding | undefined {
  const base = {
    key: want.key,
    want: want.value,
    reasons: want.setting?.tags ?? [],
    reference: want.setting!.origin,
    candidate: have?.setting?.origin ?? null,
  };
  if (have?.unknown) {
    // Not a guess either way: the requirement is neither met nor missed (DESIGN §7).
    return qemuFinding({ ...base, code: 'FD260', kind: 'unknown', category: want.category, have: 'unknown',
      severity: want.value === 'disabled' || want.value === 'false' ? 'info' : undefined,
      message: `the reference sets ${want.key}=${want.value} (${want.setting!.spelling}); the candidate's cannot be known: ${have.unknown}` });
  }
  if (want.category === 'feature') return judgeFeature(want, have, version, base);
  if (want.key === 'target_list') {
    const haveTargets = have ? have.value.split(',') : undefined;
    const lacking = want.value.split(',').filter((t) => haveTargets && !haveTargets.includes(t));
    if (lacking.length === 0) return undefined;
    return qemuFinding({ ...base, code: 'FD237', kind: 'missing', category: 'target', have: have?.value ?? null,
      message: `the candidate's --target-list does not build ${lacking.join(', ')}, which the reference builds` });
  }
  const value = have?.value ?? defaultValue(want.key, version);
  if (value === want.value) return undefined;
  const shown = value ?? 'not set';
  // What every build of the version has is no packaging choice (relocatable before QEMU 8.1).
  const fixed = have ? undefined : fixedIn(want.key, version);
  if (want.category === 'hardening') {
    return qemuFinding({ ...base, code: 'FD238', kind: 'value', category: 'hardening', have: have?.value ?? null,
      severity: want.key === 'static' ? 'info' : 'warning',
      message: `the reference builds with ${want.setting!.spelling}; the candidate has ${want.key}=${shown}` });
  }
  return qemuFinding({ ...base, code: 'FD236', kind: 'value', category: want.category, have: have?.how === 'explicit' ? have.value : null,
    severity: want.category === 'target' || fixed ? 'info' : undefined,
    message: `the reference sets ${want.key}=${want.value} (${want.setting!.spelling}); the candidate has ${shown}${have?.how === 'targets' ? ` (${userTargets(have)})` : have ? '' : fixed ? ` (in every build of QEMU ${version}: ${fixed})` : " (the version's default)"}` });
}

/** Why a build makes user-mode emulators it does not ask for by name. */
function userTargets(have: EffectiveOption): string {
  const suffix = have.key === 'bsd_user' ? '-bsd-user' : '-linux-user';
  return have.value === 'true' ? `it builds *${suffix} targets: with no --target-list, configure builds every target the host supports` : `no *${suffix} target in its --target-list`;
}

type Base = Pick<Finding, 'key' | 'want' | 'reasons' | 'reference' | 'candidate'>;

function judgeFeature(want: EffectiveOption, have: EffectiveOption | undefined, version: string, base: Base): Finding | undefined {
  const state = have?.value;
  const how = !have ? `QEMU ${version} has no such option` : have.fixed ? `QEMU ${version} ${state === 'disabled' ? 'cannot build it' : 'builds it in every build'}: ${have.fixed}` : HOW[have.how];
  const shown = { ...base, category: 'feature' as const, have: have?.how === 'explicit' ? state! : null };
  if (want.value === 'enabled') {
    if (state === 'enabled') return undefined;
    if (state === 'auto') {
      return qemuFinding({ ...shown, code: 'FD232', kind: 'auto',
        message: `the reference requires ${want.key} (${want.setting!.spelling}); the candidate leaves it to the build machine (${how})` });
    }
    if (have?.how === 'explicit') {
      return qemuFinding({ ...shown, code: 'FD231', kind: 'disabled',
        message: `the reference requires ${want.key} (${want.setting!.spelling}); the candidate turns it off (${have.setting!.spelling})` });
    }
    return qemuFinding({ ...shown, code: 'FD230', kind: 'missing',
      message: `the reference requires ${want.key} (${want.setting!.spelling}); the candidate does not build it (${how})` });
  }
  if (want.value === 'disabled' && (state === 'enabled' || state === 'auto')) {
    const why = want.setting?.tags?.length ? ` for ${want.setting.tags.join(', ')}` : '';
    // What the version always builds is no packaging choice: the candidate could not turn it off.
    return qemuFinding({ ...shown, code: 'FD233', kind: 'extra', severity: state === 'auto' || have?.how === 'fixed' ? 'info' : 'warning',
      message: state === 'auto'
        ? `the reference turns ${want.key} off${why}; the candidate builds it if the build machine has its library (${how})`
        : `the reference turns ${want.key} off${why}; the candidate enables it (${have!.setting?.spelling ?? how})` });
  }
  return undefined;
}
