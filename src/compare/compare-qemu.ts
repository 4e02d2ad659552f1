/**
 * A candidate QEMU build against a reference's configure invocation, as effective states for each
 * side's QEMU version (qemu-sources.md §3): enabled vs auto vs disabled, not flag spellings. Path,
 * toolchain and diagnostics options are not compared; hardening options are, in their own category;
 * every word either side's version does not accept is an `unknown-option` finding.
 */
import type { Build } from '../model/build.js';
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { QemuReference } from '../model/qemu-reference.js';
import type { Report } from '../model/report.js';
import { QEMU_VOCABULARY_VERSIONS, acceptance, vocabularyFor } from '../knowledge/qemu-vocabulary.js';
import { normalizeBuild } from '../readers/qemu/normalize-build.js';
import { parseOption } from '../readers/qemu/parse-option.js';
import { defaultValue, effectiveQemu } from './effective-qemu.js';
import { judgeOption } from './judge-qemu-option.js';
import { qemuFinding, qemuReport } from './qemu-finding.js';

/** A candidate configure or meson invocation, and the QEMU version it builds when known (a spec's Version:). */
export interface QemuBuildCandidate {
  readonly build: Build;
  readonly version?: string;
}

export interface QemuCompareOptions {
  /** Evaluate the candidate for this QEMU version (`--qemu-version`); default: its own, else the reference's. */
  readonly version?: string;
  /** Evaluate the reference for this version; default: the version it pins. */
  readonly referenceVersion?: string;
}

/** Keys that are not requirements on a candidate: how Kata trims its own build, not what it needs. */
const NOT_REQUIRED = new Set(['default_features', 'default_devices']);
const NOT_COMPARED = new Set(['path', 'toolchain', 'diagnostics', 'device-selection']);

export function compareQemu(reference: QemuReference, { build, version }: QemuBuildCandidate, options: QemuCompareOptions = {}): Report {
  const candidate = normalizeBuild(build);
  const refVersion = options.referenceVersion ?? reference.version;
  const candVersion = options.version ?? version ?? reference.version;
  const refConfig = normalizeBuild(reference.build);
  const want = effectiveQemu(refConfig, refVersion);
  const have = effectiveQemu(candidate, candVersion);
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [...refConfig.diagnostics, ...candidate.diagnostics];
  let requirements = 0;
  for (const wanted of want.values()) {
    if (wanted.how !== 'explicit' || NOT_REQUIRED.has(wanted.key) || NOT_COMPARED.has(wanted.category)) continue;
    const found = have.get(wanted.key);
    if (!found && defaultValue(wanted.key, candVersion) === undefined) {
      // The version has no such option: configure does not decide it (old QEMU built vmdk unconditionally).
      diagnostics.push(diagnostic('FD235', `QEMU ${candVersion} has no ${wanted.key} option, so whether it builds what ${wanted.setting!.spelling} asks for is not known`, wanted.setting!.origin));
      continue;
    }
    requirements++;
    const finding = judgeOption(wanted, found, candVersion);
    if (finding) findings.push(finding);
  }
  const versionNote = (version: string, source: string) => {
    const at = vocabularyFor(version);
    if (at.outside) {
      const range = `${QEMU_VOCABULARY_VERSIONS[0]} to ${QEMU_VOCABULARY_VERSIONS.at(-1)}`;
      diagnostics.push(diagnostic('FD235', `QEMU ${version} is outside the versions whose configure flagdiff read (${range}); options are checked against QEMU ${QEMU_VOCABULARY_VERSIONS[at.index!]}`, { file: source, line: 0 }));
    }
  };
  versionNote(refVersion, reference.build.origin.file);
  if (version === undefined && options.version === undefined) {
    diagnostics.push(diagnostic('FD235', `the candidate does not say which QEMU version it builds; it is evaluated as QEMU ${candVersion} (pass --qemu-version)`, { file: candidate.meta.source, line: 0 }));
  } else {
    versionNote(candVersion, candidate.meta.source);
  }
  findings.push(...unknownOptions(reference.build, refVersion, 'reference', diagnostics));
  // The reference compared with itself (`flagdiff qemu kata`) reports its own words once.
  if (build !== reference.build) findings.push(...unknownOptions(build, candVersion, 'candidate', diagnostics));
  return qemuReport({
    arch: reference.arch,
    reference: { name: reference.name, source: reference.source },
    candidate: { source: candidate.meta.source, version: version ?? null },
    findings,
    requirements,
    diagnostics,
  });
}

/** Every word of an invocation that its QEMU version rejects (a finding) or may reject (a diagnostic). */
function unknownOptions(build: Build, version: string, side: 'reference' | 'candidate', diagnostics: Diagnostic[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { text, origin } of build.argv) {
    if (!text || seen.has(text) || !parseOption(text)) continue;
    seen.add(text);
    const verdict = acceptance(text, version);
    if (verdict.status === 'unverified') {
      diagnostics.push(diagnostic('FD235', `cannot tell whether QEMU ${version} accepts ${text}: ${verdict.reason}`, origin));
    } else if (verdict.status === 'rejected') {
      const versionOrigin = { file: `QEMU ${version} configure`, line: 0 };
      findings.push(
        qemuFinding({
          code: 'FD234',
          kind: 'unknown-option',
          category: parseOption(text)!.category,
          key: text,
          want: `accepted by QEMU ${version}`,
          have: verdict.reason,
          message: `the ${side} passes ${text}, which QEMU ${version} does not accept (${verdict.reason}): configure stops with "ERROR: unknown option ${text}"`,
          reference: side === 'reference' ? origin : versionOrigin,
          candidate: side === 'candidate' ? origin : null,
        }),
      );
    }
  }
  return findings;
}
