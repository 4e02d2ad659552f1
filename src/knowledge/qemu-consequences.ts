/**
 * What a Kata user sees when a QEMU requirement is not met, and the configuration.toml setting that
 * avoids it (users-needs.md §2.1 and §5.1; settings of Kata's configuration-qemu.toml.in). Keyed by
 * feature, device model, machine type or object, since each layer can be where the gap shows.
 */
import type { Hint } from '../model/finding.js';

const NINE_P: Hint = {
  symptom: "QEMU fails with \"'virtio-9p-pci' is not a valid device model name\"; the container does not start (\"Could not mount kataShared ... no such device\")",
  fix: 'keep shared_fs = "virtio-fs" in configuration.toml (the default); only shared_fs = "virtio-9p" needs 9p',
};
const VIRTIO_FS: Hint = {
  symptom: "QEMU fails with \"'vhost-user-fs-pci' is not a valid device model name\": virtio-fs, Kata's default shared filesystem, is impossible",
  fix: 'set shared_fs = "virtio-9p" (if 9p is built) or shared_fs = "none" in configuration.toml, or use a QEMU built with vhost-user and vhost-user-fs',
};
const VSOCK: Hint = {
  symptom: "QEMU fails with \"'vhost-vsock-pci' is not a valid device model name\"; the runtime cannot reach the Kata agent",
  fix: 'no configuration.toml setting avoids it: the Kata agent is reached over vsock; use a QEMU built with vhost-kernel and VHOST_VSOCK',
};
const NVDIMM: Hint = {
  symptom: "QEMU fails with \"'nvdimm' is not a valid device model name\" when the guest image is plugged as an NVDIMM",
  fix: 'set disable_image_nvdimm = true in configuration.toml: the image is then plugged as a virtio-blk device',
};
const Q35: Hint = {
  symptom: "QEMU fails with \"unsupported machine type\" for -machine q35; Kata's x86_64 runtime only boots q35",
  fix: 'no configuration.toml setting avoids it on x86_64 (machine_type = "q35" is the only supported one); use a QEMU built with CONFIG_Q35',
};
const SECCOMP: Hint = {
  symptom: 'with seccompsandbox set, QEMU fails on "-sandbox on,..." ("seccomp support is disabled")',
  fix: 'leave seccompsandbox = "" in configuration.toml (the default), or use a QEMU built with --enable-seccomp',
};
const MEMORY_BACKEND_FILE: Hint = {
  symptom: 'QEMU fails on "-object memory-backend-file,...": shared memory for virtio-fs and the read-only NVDIMM image backend are impossible ("Property \'.readonly\' not found" on QEMU too old for it)',
  fix: 'set disable_image_nvdimm = true and shared_fs = "virtio-9p" or "none" in configuration.toml',
};

const HINTS: ReadonlyMap<string, Hint> = new Map([
  ['virtfs', NINE_P],
  ['virtio-9p-pci', NINE_P],
  ['virtio-9p-ccw', NINE_P],
  ['CONFIG_VIRTIO_9P', NINE_P],
  ['vhost_user', VIRTIO_FS],
  ['vhost_user_fs', VIRTIO_FS],
  ['vhost-user-fs-pci', VIRTIO_FS],
  ['vhost-user-fs-ccw', VIRTIO_FS],
  ['CONFIG_VHOST_USER_FS', VIRTIO_FS],
  ['vhost_kernel', VSOCK],
  ['vhost_vsock', VSOCK],
  ['vhost-vsock-pci', VSOCK],
  ['vhost-vsock-ccw', VSOCK],
  ['CONFIG_VHOST_VSOCK', VSOCK],
  ['nvdimm', NVDIMM],
  ['CONFIG_NVDIMM', NVDIMM],
  ['q35', Q35],
  ['CONFIG_Q35', Q35],
  ['seccomp', SECCOMP],
  ['memory-backend-file', MEMORY_BACKEND_FILE],
]);

/** The user-visible consequence of missing `key` (a feature, device model, machine, object or CONFIG_ symbol). */
export function qemuConsequence(key: string): Hint | undefined {
  return HINTS.get(key);
}

/** The DAX window of virtio-fs is a property of vhost-user-fs-pci, which help output does not list. */
export const DAX_CACHE: Hint = {
  symptom: "with virtio_fs_cache_size > 0, QEMU fails with \"Property 'vhost-user-fs-pci.cache-size' not found\" on builds without the DAX window",
  fix: 'keep virtio_fs_cache_size = 0 in configuration.toml (the default): DAX off',
};
