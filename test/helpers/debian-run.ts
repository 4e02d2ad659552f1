/** The realistic comparison every format's golden file shows: the built-in Kata profile against Debian 12's 6.12 amd64 config, with a waiver file. */
import { DEBIAN_AMD64, corpus } from './corpus.js';
import { runCli } from './run-cli.js';
import type { CliRun } from './run-cli.js';

/** Relative to the project, as a user in a checkout would write it, so the golden files hold no machine's paths. */
export const DEBIAN = `../shared/corpus/${DEBIAN_AMD64}`;
export const WAIVERS = 'fixtures/waivers/debian-amd64.ini';

export async function runDebian(format: string, ...extra: string[]): Promise<CliRun> {
  corpus(DEBIAN_AMD64); // fails loudly without the corpus
  return runCli(['kernel', DEBIAN, '--waivers', WAIVERS, '--format', format, ...extra]);
}

/** The package version stands in the output; goldens keep a placeholder so that a release does not rewrite them. */
export function withoutVersion(text: string, version: string): string {
  return text.split(`"${version}"`).join('"<version>"');
}
