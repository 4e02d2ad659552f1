/**
 * Debian's QEMU packaging keeps debian/control as a template, debian/control-in, whose lines may start
 * with a vendor (`:debian:`, `:ubuntu:`) and hold `:name:` placeholders; its debian/rules makes the
 * control file with sed for the vendor building it: that vendor's prefix removed, other vendors' lines
 * deleted, each placeholder named in the make variable `substvars` replaced by that variable's value.
 * The package ships the file made for Debian; Ubuntu's build reads the one made for Ubuntu.
 */

/**
 * debian/control as made for `vendor`, line for line with control-in: a deleted line becomes a `#`
 * comment line (deb822 ignores it, and it neither ends a paragraph nor reads as an option), so every
 * line keeps its number in control-in.
 */
export function controlForVendor(controlIn: string, vendor: string, placeholder: (name: string) => string | undefined): string {
  const own = `:${vendor}:`;
  return controlIn
    .split('\n')
    .map((line) => {
      const text = line.startsWith(own) ? line.slice(own.length) : /^:[a-z]*:/.test(line) ? '#' : line;
      return text.replace(/:([a-z0-9-]+):/g, (written, name: string) => placeholder(name) ?? written);
    })
    .join('\n');
}
