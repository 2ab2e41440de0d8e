import { createRequire } from 'node:module';
import type { ts as TypeScript } from 'ts-morph';

/**
 * The TypeScript compiler API bundled with ts-morph (parser and module resolution only: schema
 * files are never type-checked). Loaded with `require` rather than `import`: Node's ESM loader
 * would first scan the 1 MB ts-morph bundle for its CommonJS export names, which costs about
 * 70 ms of a cold `schemac build`.
 */
export const ts: typeof TypeScript = (createRequire(import.meta.url)('ts-morph') as { ts: typeof TypeScript }).ts;

export type { TypeScript };
