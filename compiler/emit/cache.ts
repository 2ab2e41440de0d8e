import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeTables } from '../ir/decode.js';
import { rememberSchemaHash, schemaHash } from '../ir/snapshot.js';
import type { SchemaIR } from '../ir/types.js';

/**
 * A cache of a database's compiled IR, keyed by the content of every file the parser read.
 * When no schema file (nor anything it imports) changed, `build` skips the TypeScript parser
 * altogether. It lives in `node_modules/.cache/schemac/` (never committed) and is only an
 * optimisation: a missing, stale or unreadable cache means a normal compile.
 */
export interface CompileCache {
  readonly key: string;
  /** Absolute path → SHA-256 of the content, for every file the parser read. */
  readonly files: Readonly<Record<string, string>>;
  readonly ir: SchemaIR;
  /** `schemaHash(ir)`, so a build with nothing to do need not serialise the schema. */
  readonly hash: string;
}

const FORMAT = 2;

export function cachePath(root: string, db: string): string | null {
  const modules = join(root, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'schemac', `${db}.json`) : null;
}

/** What the cache entry depends on besides file contents (the compiler and its settings). */
export function cacheKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify([FORMAT, ...parts])).digest('hex');
}

function hashFile(path: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

/** The cached IR when the key and every file's content still match, else null. */
export function readCache(path: string | null, key: string, globbed: readonly string[]): SchemaIR | null {
  if (!path || !existsSync(path)) return null;
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as CompileCache;
    if (entry.key !== key) return null;
    if (globbed.some((f) => !(f in entry.files))) return null;
    for (const [file, hash] of Object.entries(entry.files)) if (hashFile(file) !== hash) return null;
    // Checked as a snapshot is (decode.ts throws on anything else, which is a miss here).
    if (entry.ir?.kind !== 'schema' || typeof entry.hash !== 'string') return null;
    decodeTables(entry.ir.tables, 'ir.tables', { transient: true });
    rememberSchemaHash(entry.ir, entry.hash);
    return entry.ir;
  } catch {
    return null;
  }
}

export function writeCache(path: string | null, key: string, files: readonly string[], ir: SchemaIR): void {
  if (!path) return;
  try {
    const hashes: Record<string, string> = {};
    for (const f of files) {
      const h = hashFile(f);
      if (h === null) return;
      hashes[f] = h;
    }
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ key, files: hashes, ir, hash: schemaHash(ir) }));
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
