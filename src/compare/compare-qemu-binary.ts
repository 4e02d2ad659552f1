/**
 * A qemu-system binary against the reference, device by device: what its `-device help`,
 * `-machine help` and `-object help` list (Kata's build-qemu.sh verify_devices/verify_objects do
 * the same check on Kata's own build). Properties (the DAX `cache-size` of vhost-user-fs-pci,
 * `readonly` of memory-backend-file) are not in that output and are reported as not checked.
 */
import { diagnostic } from '../model/diagnostic.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import type { NamedRequirement, QemuReference } from '../model/qemu-reference.js';
import type { Report } from '../model/report.js';
import { DAX_CACHE } from '../knowledge/qemu-consequences.js';
import type { QemuHelp } from '../readers/qemu/read-qemu-help.js';
import { qemuFinding, qemuReport } from './qemu-finding.js';

export function compareQemuBinary(reference: QemuReference, help: QemuHelp): Report {
  const findings: Finding[] = [];
  const check = (list: readonly NamedRequirement[], have: QemuHelp['devices'], what: 'device' | 'machine' | 'object') => {
    const code = what === 'device' ? 'FD239' : what === 'machine' ? 'FD240' : 'FD241';
    for (const wanted of list) {
      if (have.has(wanted.name)) continue;
      findings.push(
        qemuFinding({
          code,
          kind: 'missing',
          category: what,
          key: wanted.name,
          want: 'present',
          have: null,
          reasons: wanted.reasons,
          reference: wanted.origin,
          message: `${wanted.name} is not in ${help.source} -${what} help`,
        }),
      );
    }
  };
  check(reference.devices, help.devices, 'device');
  check(reference.machines, help.machines, 'machine');
  check(reference.objects, help.objects, 'object');

  const diagnostics: Diagnostic[] = [];
  const fs = help.devices.get('vhost-user-fs-pci') ?? help.devices.get('vhost-user-fs-ccw');
  if (fs) {
    diagnostics.push(diagnostic('FD341', `the DAX window (cache-size) of vhost-user-fs is not in -device help, so it is not checked; if it is missing: ${DAX_CACHE.symptom}; ${DAX_CACHE.fix}`, fs));
  }
  const backend = help.objects.get('memory-backend-file');
  if (backend) {
    diagnostics.push(diagnostic('FD341', "memory-backend-file's readonly property, which Kata's NVDIMM image uses, is not in -object help, so it is not checked", backend));
  }
  return qemuReport({
    arch: reference.arch,
    reference: { name: reference.name, source: reference.source },
    candidate: { source: help.source, version: help.version ?? null },
    findings,
    requirements: reference.devices.length + reference.machines.length + reference.objects.length,
    diagnostics,
  });
}
