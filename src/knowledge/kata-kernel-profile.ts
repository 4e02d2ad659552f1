/**
 * The built-in Kata guest-kernel profile: Kata's fragments, shipped as data (kata-kernel.json, written
 * by `npm run profiles`), selected and merged per arch and flavour as build-kernel.sh does.
 */
import type { Arch } from '../model/arch.js';
import type { Profile } from '../model/requirement.js';
import type { KataKernelData } from '../readers/kata/read-kata-kernel.js';
import { kataKernelFlavorsOf, kataKernelRequirements } from '../readers/kata/kernel-requirements.js';
import data from './kata-kernel.json' with { type: 'json' };

// JSON imports type tuples as arrays; the generator writes exactly this shape.
const KATA = data as unknown as KataKernelData;

/** The shipped fragment data, for callers that select or lint it themselves. */
export function kataKernelData(): KataKernelData {
  return KATA;
}

/** Flavours build-kernel.sh can build for the arch: plain, confidential, measured, nvidia-gpu, debug, signing, kata-deploy, build types. */
export function kataKernelFlavors(arch: Arch, kata: KataKernelData = KATA): string[] {
  return kataKernelFlavorsOf(kata, arch);
}

/** Kata's requirements for a guest kernel of this arch and flavour (`plain`: no build options; `a+b` combines). */
export function kataKernelProfile(arch: Arch, flavor = 'plain', kata: KataKernelData = KATA): Profile {
  return kataKernelRequirements(kata, arch, flavor);
}
