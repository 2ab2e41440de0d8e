import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE, parseConfig, type Config, type DatabaseConfig } from '../config.js';
import { SchemacError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { normalizeSchema } from '../ir/normalize.js';
import { EMPTY_SCHEMA, readSnapshot } from '../ir/snapshot.js';
import type { SchemaIR } from '../ir/types.js';
import { validateSchema } from '../ir/validate.js';
import { parseSchemaFiles } from '../parse/index.js';
import { MIGRATION_RE, type GeneratedState } from './build.js';
import type { MigrationFile } from './sum.js';

/** A loaded project: its root folder and config. */
export interface Project {
  readonly root: string;
  readonly config: Config;
}

/** Finds `schemac.config.json` in `start` or its parents and reads it. */
export function loadProject(start: string, configPath?: string): Project {
  let file = configPath ? resolve(start, configPath) : '';
  if (!file) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, CONFIG_FILE))) { file = join(dir, CONFIG_FILE); break; }
      if (dirname(dir) === dir) break;
    }
  }
  if (!file || !existsSync(file)) {
    throw new SchemacError({ code: 'E_NO_CONFIG', message: `no ${CONFIG_FILE} in ${start} or its parents`,
      hint: 'run `schemac init` to create one, or pass --config PATH' });
  }
  const root = dirname(file);
  return { root, config: parseConfig(readFileSync(file, 'utf8'), relative(process.cwd(), file) || CONFIG_FILE) };
}

/** The databases a command works on: all of them in config order, or the ones named. */
export function selectDatabases(project: Project, names: readonly string[] | undefined): DatabaseConfig[] {
  if (!names || names.length === 0) return [...project.config.databases];
  const unknown = names.filter((n) => !project.config.databases.some((d) => d.name === n));
  if (unknown.length) {
    throw new SchemacError({ code: 'E_UNKNOWN_DB', message: `unknown database ${unknown.map((n) => `"${n}"`).join(', ')}`,
      hint: `the config has ${project.config.databases.map((d) => d.name).join(', ')}` }, 2);
  }
  return project.config.databases.filter((d) => names.includes(d.name));
}

/** Reads a database's schema files statically and returns the normalised, validated IR. */
export function compileDatabase(project: Project, db: DatabaseConfig): SchemaIR {
  const files = globSync([...db.schema], { cwd: project.root, absolute: true, onlyFiles: true })
    .filter((f) => /\.(c|m)?tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => resolve(f))
    .sort();
  if (files.length === 0) {
    throw new SchemacError({ code: 'E_NO_SCHEMA_FILES', message: `database "${db.name}": no file matches ${db.schema.join(', ')}`,
      hint: `schema globs are relative to ${CONFIG_FILE}'s folder` });
  }
  const parsed = parseSchemaFiles({ rootDir: project.root, files,
    ...(db.tsconfig ? { tsconfig: resolve(project.root, db.tsconfig) } : {}) });
  const ir = normalizeSchema(parsed.ir, project.config.naming);
  const diagnostics = [...parsed.diagnostics, ...validationAfterParse(ir, parsed.diagnostics)];
  if (diagnostics.length) throw new SchemacError(sortDiagnostics(diagnostics));
  return ir;
}

export type { GeneratedState } from './build.js';

/**
 * Validation runs even when parsing found problems, so one build reports everything; but a
 * value the parser refused is missing from the IR, so references to missing tables and
 * columns are left out then (they would only echo the parse error).
 */
export function validationAfterParse(ir: SchemaIR, parseDiagnostics: readonly Diagnostic[]): Diagnostic[] {
  const found = validateSchema(ir);
  if (parseDiagnostics.length === 0) return found;
  const echoes = new Set(['E_FK_UNKNOWN_TABLE', 'E_FK_UNKNOWN_COLUMN', 'E_UNKNOWN_COLUMN']);
  return found.filter((d) => !echoes.has(d.code));
}

export function readGenerated(outDir: string): GeneratedState {
  const files = new Map<string, string>();
  for (const name of ['schema.sql', 'snapshot.json', 'schemac.sum']) {
    const p = join(outDir, name);
    if (existsSync(p)) files.set(name, readFileSync(p, 'utf8'));
  }
  const migrations: MigrationFile[] = [];
  const migDir = join(outDir, 'migrations');
  if (existsSync(migDir)) {
    for (const name of readdirSync(migDir).sort()) {
      if (!MIGRATION_RE.test(name)) continue;
      const text = readFileSync(join(migDir, name), 'utf8');
      migrations.push({ name, text });
      files.set(`migrations/${name}`, text);
    }
  }
  let snapshot = EMPTY_SCHEMA;
  const snapText = files.get('snapshot.json');
  if (snapText !== undefined) {
    try {
      snapshot = readSnapshot(snapText);
    } catch (e) {
      throw new SchemacError({ code: 'E_SNAPSHOT', message: `${join(outDir, 'snapshot.json')}: ${(e as Error).message}`,
        hint: 'restore it from git (git checkout -- <file>); schemac never writes a partial snapshot' });
    }
  } else if (migrations.length) {
    throw new SchemacError({ code: 'E_SNAPSHOT', message: `${outDir} has migrations but no snapshot.json`,
      hint: 'restore snapshot.json from git' });
  }
  return { snapshot, migrations, files };
}

/**
 * Writes the files that differ, atomically: each goes to a temporary file in the same folder
 * first and is renamed over the old one, so an interrupted build never leaves a half file.
 * Never rewrites an existing migration.
 */
export function writeGenerated(outDir: string, prev: GeneratedState, files: ReadonlyMap<string, string>): string[] {
  const written: string[] = [];
  const staged: Array<[string, string]> = [];
  try {
    for (const [rel, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (prev.files.get(rel) === text) continue;
      if (rel.startsWith('migrations/') && prev.files.has(rel)) {
        throw new SchemacError({ code: 'E_MIGRATION_EXISTS', message: `${join(outDir, rel)} exists and would be rewritten`,
          hint: 'schemac never rewrites a migration; restore it from git or remove it on purpose' });
      }
      const target = join(outDir, ...rel.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, text);
      staged.push([tmp, target]);
    }
    for (const [tmp, target] of staged) {
      renameSync(tmp, target);
      written.push(relative(outDir, target).split(sep).join('/'));
    }
  } finally {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
  }
  return written;
}
