import { readFileSync } from 'node:fs';

/** The package version (from package.json), part of cache keys. */
export const SCHEMAC_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
