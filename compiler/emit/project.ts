import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE, parseConfig, type Config, type DatabaseConfig } from '../config.js';
import { SchemacError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { diffSchemas } from '../diff/diff.js';
import type { Change } from '../diff/changes.js';
import { normalizeSchema } from '../ir/normalize.js';
import { EMPTY_SCHEMA, readSnapshot, schemaHash, writeSnapshot } from '../ir/snapshot.js';
import type { SchemaIR } from '../ir/types.js';
import { validateSchema } from '../ir/validate.js';
import { parseSchemaFiles } from '../parse/index.js';
import { planChanges } from '../plan/plan.js';
import { downStatements, planRisks, upStatements, type Plan, type Risk } from '../plan/types.js';
import { renderSqlFile, schemaStatements } from './render.js';
import { renderSum, type MigrationFile } from './sum.js';

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
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const ir = normalizeSchema(parsed.ir, project.config.naming);
  if (diagnostics.length === 0) diagnostics.push(...validateSchema(ir));
  if (diagnostics.length) throw new SchemacError(sortDiagnostics(diagnostics));
  return ir;
}

/** What is in a database's generated folder now. */
export interface GeneratedState {
  readonly snapshot: SchemaIR;
  /** Migration files (`NNNN_slug.up.sql` / `.down.sql`), sorted by name. */
  readonly migrations: readonly MigrationFile[];
  /** Every file of the folder we own, by path relative to it ('/' separators). */
  readonly files: ReadonlyMap<string, string>;
}

const MIGRATION_RE = /^(\d{4,})_([a-z0-9_]+)\.(up|down)\.sql$/;

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

export interface BuildOptions {
  readonly message?: string;
  readonly allowDataLoss?: boolean;
}

/** The outcome of a build for one database, computed without touching the disk. */
export interface BuildResult {
  readonly changes: readonly Change[];
  readonly plan: Plan;
  /** The migration a build writes, or null when nothing changed. */
  readonly migration: { readonly name: string; readonly up: MigrationFile; readonly down: MigrationFile } | null;
  /** The folder's full desired content (relative path → text). */
  readonly files: ReadonlyMap<string, string>;
  readonly risks: readonly Risk[];
}

/** Diffs the compiled schema against the folder's snapshot and renders every output file. */
export function planBuild(dbName: string, prev: GeneratedState, ir: SchemaIR, options: BuildOptions = {}): BuildResult {
  const changes = diffSchemas(prev.snapshot, ir);
  const plan = planChanges(changes);
  const files = new Map<string, string>();
  for (const m of prev.migrations) files.set(`migrations/${m.name}`, m.text);
  let migration: BuildResult['migration'] = null;
  if (plan.steps.length > 0) {
    const numbers = prev.migrations.map((m) => Number(MIGRATION_RE.exec(m.name)![1]));
    const next = String((numbers.length ? Math.max(...numbers) : 0) + 1).padStart(4, '0');
    const slug = options.message ? slugify(options.message) : prev.snapshot.tables.length === 0 ? 'init' : slugify(plan.steps[0].summary);
    const name = `${next}_${slug || 'migration'}`;
    const from = schemaHash(prev.snapshot);
    const to = schemaHash(ir);
    const header = (dir: 'up' | 'down') => [
      `schemac migration ${name} (${dir}) for database ${dbName}`,
      `schema before: ${from}`,
      `schema after:  ${to}`,
      ...(dir === 'up' ? plan.steps.map((s) => `- ${s.summary}`) : []),
    ];
    const up = { name: `${name}.up.sql`, text: renderSqlFile(header('up'), upStatements(plan)) };
    const down = { name: `${name}.down.sql`, text: renderSqlFile(header('down'), downStatements(plan)) };
    files.set(`migrations/${up.name}`, up.text);
    files.set(`migrations/${down.name}`, down.text);
    migration = { name, up, down };
  }
  const migrations = [...files].filter(([k]) => k.startsWith('migrations/')).map(([k, text]) => ({ name: k.slice(11), text }));
  files.set('schema.sql', renderSqlFile([`schemac schema for database ${dbName}`, `schema: ${schemaHash(ir)}`], schemaStatements(ir)));
  files.set('snapshot.json', writeSnapshot(ir));
  files.set('schemac.sum', renderSum(migrations));
  return { changes, plan, migration, files, risks: planRisks(plan) };
}

/** `-m "Status report"` → `status_report`. */
export function slugify(message: string): string {
  return message.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60).replace(/_+$/, '');
}

/** Refuses a build whose plan loses data without --allow-data-loss, or is blocked. */
export function checkRisks(dbName: string, risks: readonly Risk[], allowDataLoss: boolean): void {
  const blocking = risks.filter((r) => r.level === 'blocked' || (r.level === 'destructive' && !allowDataLoss));
  if (blocking.length === 0) return;
  throw new SchemacError(blocking.map((r) => ({
    code: r.level === 'destructive' ? 'E_DATA_LOSS' : 'E_UNSAFE',
    message: `database "${dbName}": ${r.message}`,
    hint: r.level === 'destructive'
      ? [r.hint, 'rerun with --allow-data-loss to write it anyway'].filter(Boolean).join('; or ')
      : r.hint,
  })));
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
