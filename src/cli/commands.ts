/** Every command, loaded as one module so that running one costs a single file load. */
export { run as check } from './check-command.js';
export { run as kernel } from './kernel-command.js';
export { run as qemu } from './qemu-command.js';
export { run as show } from './show-command.js';
