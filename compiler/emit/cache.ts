import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rememberSchemaHash, schemaHash } from '../ir/snapshot.js';
import { hintsFromJson, type DeclaredSchema } from '../ir/hints.js';
import type { SchemaIR } from '../ir/types.js';

/**
 * A cache of a database's compiled IR, keyed by the content of every file the parser read.
 * When no schema file (nor anything it imports) changed, `build` skips the TypeScript parser
 * altogether. It lives in `node_modules/.cache/schemac/` (never committed) and is only an
 * optimisation: a missing, stale or unreadable cache means a normal compile.
 */
/** The first line of a cache entry; the schema's JSON (`{ ir, hints }`) follows on the next. */
export interface CompileCacheHeader {
  readonly key: string;
  /** Absolute path → SHA-256 of the content, for every file the parser read. */
  readonly files: Readonly<Record<string, string>>;
  /** `schemaHash(ir)`, so a build with nothing to do need not serialise the schema. */
  readonly hash: string;
  /** SHA-256 of the schema's JSON text (the rest of the file). */
  readonly irDigest: string;
}

/** 4: the IR and its build hints after a header line with their digest. */
const FORMAT = 4;

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

/** SHA-256 of a text, in hex. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The cached IR when the key and every file's content still match, else null. An entry is a
 * line of JSON (CompileCacheHeader, with the digest of the IR's text) and the IR's JSON after it. The digest is its check on read: an entry that is not whole as writeCache wrote it
 * (truncated, edited) is a miss. What writeCache wrote was compiled and validated, and
 * checking the digest costs less than reading a thousand tables field by field.
 */
export function readCache(path: string | null, key: string, globbed: readonly string[]): DeclaredSchema | null {
  if (!path || !existsSync(path)) return null;
  try {
    const text = readFileSync(path, 'utf8');
    const nl = text.indexOf('\n');
    if (nl < 0) return null;
    const entry = JSON.parse(text.slice(0, nl)) as Partial<CompileCacheHeader>;
    const files = entry.files;
    if (entry.key !== key || typeof entry.hash !== 'string' || typeof files !== 'object' || files === null) return null;
    if (globbed.some((f) => !Object.hasOwn(files, f))) return null;
    for (const [file, hash] of Object.entries(files)) if (hashFile(file) !== hash) return null;
    const irText = text.slice(nl + 1);
    if (entry.irDigest !== digest(irText)) return null;
    const data = JSON.parse(irText) as { ir: SchemaIR; hints: unknown };
    rememberSchemaHash(data.ir, entry.hash);
    return { ir: data.ir, hints: hintsFromJson(data.hints) };
  } catch {
    return null;
  }
}

export function writeCache(path: string | null, key: string, files: readonly string[], schema: DeclaredSchema): void {
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
    const irText = JSON.stringify({ ir: schema.ir, hints: schema.hints });
    const header: CompileCacheHeader = { key, files: hashes, hash: schemaHash(schema.ir), irDigest: digest(irText) };
    writeFileSync(tmp, JSON.stringify(header) + '\n' + irText);
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
