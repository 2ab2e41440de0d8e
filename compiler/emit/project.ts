import type { ServerProfile } from '../dialect/mysql/server.js';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE, projectProfile, type DatabaseConfig } from '../config.js';
import { SchemacError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { DeclaredSchema } from '../ir/hints.js';
import { normalizeDeclared } from '../ir/normalize.js';
import { validateSchema } from '../ir/validate.js';
import type { GeneratedState } from '../project/generated.js';
import { cacheKey, cachePath, readCache, writeCache } from './cache.js';
import { commitFiles, type FileChange } from '../project/commit.js';
import type { Project } from '../project/generated.js';
export { loadProject, readGenerated, selectDatabases, type Project } from '../project/generated.js';
import { SCHEMAC_VERSION } from '../version.js';

/** Reads a database's schema files statically and returns the normalised, validated IR with its build hints. */
export async function compileDatabase(project: Project, db: DatabaseConfig, options: { cache?: boolean } = {}): Promise<DeclaredSchema> {
  const files = globSync([...db.schema], { cwd: project.root, absolute: true, onlyFiles: true })
    .filter((f) => /\.(c|m)?tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => resolve(f))
    .sort();
  if (files.length === 0) {
    throw new SchemacError({ code: 'E_NO_SCHEMA_FILES', message: `database "${db.name}": no file matches ${db.schema.join(', ')}`,
      hint: `schema globs are relative to ${CONFIG_FILE}'s folder` });
  }
  const tsconfig = db.tsconfig ? resolve(project.root, db.tsconfig) : undefined;
  const useCache = options.cache !== false;
  const cache = useCache ? cachePath(project.root, db.name) : null;
  const key = cacheKey([SCHEMAC_VERSION, project.config.naming, files, tsconfig ?? null]);
  const cached = readCache(cache, key, files);
  if (cached) return cached;

  // Loaded only on a cache miss: the TypeScript parser is most of a build's start-up time.
  const { parseSchemaFiles } = await import('../parse/index.js');
  const parsed = parseSchemaFiles({ rootDir: project.root, files, ...(tsconfig ? { tsconfig } : {}) });
  const schema = normalizeDeclared(parsed, project.config.naming);
  const diagnostics = [...parsed.diagnostics, ...validationAfterParse(schema, parsed.diagnostics, projectProfile(project.config))];
  if (diagnostics.length) throw new SchemacError(sortDiagnostics(diagnostics));
  writeCache(cache, key, tsconfig ? [...parsed.files, tsconfig] : parsed.files, schema);
  return schema;
}

/**
 * Validation runs even when parsing found problems, so one build reports everything; but a
 * value the parser refused is missing from the IR, so references to missing tables and
 * columns are left out then (they would only echo the parse error).
 */
export function validationAfterParse(schema: DeclaredSchema, parseDiagnostics: readonly Diagnostic[], server?: ServerProfile): Diagnostic[] {
  const found = validateSchema(schema.ir, server, schema.hints);
  if (parseDiagnostics.length === 0) return found;
  const echoes = new Set(['E_FK_UNKNOWN_TABLE', 'E_FK_UNKNOWN_COLUMN', 'E_UNKNOWN_COLUMN']);
  return found.filter((d) => !echoes.has(d.code));
}

/**
 * Writes the folder's new state: the files that differ, and the removal of files it owned that
 * the new state does not have (an import --force replacing old migrations), as one commit a
 * kill cannot split (commitFiles). Never rewrites an existing migration.
 */
export function writeGenerated(outDir: string, prev: GeneratedState, files: ReadonlyMap<string, string>): string[] {
  const changes: FileChange[] = [];
  for (const [rel, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (prev.files.get(rel) === text) continue;
    if (rel.startsWith('migrations/') && prev.files.has(rel)) {
      throw new SchemacError({ code: 'E_MIGRATION_EXISTS', message: `${join(outDir, rel)} exists and would be rewritten`,
        hint: 'schemac never rewrites a migration; restore it from git or remove it on purpose' });
    }
    changes.push({ path: rel, text });
  }
  for (const rel of [...prev.files.keys()].sort()) if (!files.has(rel)) changes.push({ path: rel, text: null });
  commitFiles(outDir, changes);
  return changes.map((c) => c.path);
}
