/** Debian's qemu-system-x86_64 (package qemu-system-x86, installed by .ci/run): the real binary flagdiff qemu reads. */
import { existsSync } from 'node:fs';

export const QEMU_X86 = '/usr/bin/qemu-system-x86_64';
export const qemuX86Missing = `${QEMU_X86} not found: install Debian package qemu-system-x86 (as .ci/run does)`;
export const qemuX86: string | undefined = existsSync(QEMU_X86) ? QEMU_X86 : undefined;

if (process.env.FLAGDIFF_REQUIRE_ORACLES && !qemuX86) throw new Error(qemuX86Missing);
