import type { ServerProfile } from '../dialect/mysql/server.js';
import { executionOf } from '../dialect/mysql/strategy.js';
import { differencesOf, diffTables, renameConflicts } from '../diff/diff.js';
import type { Change } from '../diff/changes.js';
import { SchemacError } from '../diagnostics.js';
import { knownSchemaHash, schemaHash, writeSnapshot } from '../ir/snapshot.js';
import type { DeclaredSchema } from '../ir/hints.js';
import type { SchemaIR } from '../ir/types.js';
import { planChanges } from '../plan/plan.js';
import { downStatements, planRisks, upStatements, type Plan, type Risk } from '../plan/types.js';
import { renderSqlFile, schemaStatements } from './render.js';
import { BASELINE_FILE, MIGRATION_RE, type GeneratedState } from '../project/generated.js';
import { fileHash, parseSum, renderSum, sumFormatProblem, type MigrationFile } from './sum.js';

export interface BuildOptions {
  readonly message?: string;
  readonly allowDataLoss?: boolean;
  /** The server the migration is written for (the config's dialect). */
  readonly server?: ServerProfile;
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

/**
 * Diffs the compiled schema against the folder's snapshot (following its rename hints, filling
 * by its backfills) and renders every output file.
 */
export function planBuild(dbName: string, prev: GeneratedState, schema: DeclaredSchema, options: BuildOptions = {}): BuildResult {
  checkSum(dbName, prev);
  checkReach(dbName, prev);
  const { ir, hints } = schema;
  const conflicts = renameConflicts(prev.snapshot, ir, hints);
  if (conflicts.length) {
    throw new SchemacError(conflicts.map((message) => ({ code: 'E_RENAME_CONFLICT', message: `database "${dbName}": ${message}` })));
  }
  const diff = diffTables(prev.snapshot, ir, { hints, ...(options.server ? { server: options.server } : {}) });
  const changes = differencesOf(diff);
  const plan = planChanges(executionOf(diff), options.server);
  const files = new Map<string, string>();
  for (const m of prev.migrations) files.set(`migrations/${m.name}`, m.text);
  const baseline = prev.files.get(BASELINE_FILE);
  if (baseline !== undefined) files.set(BASELINE_FILE, baseline);
  let migration: BuildResult['migration'] = null;
  if (plan.steps.length > 0) {
    const numbers = prev.migrations.map((m) => Number(MIGRATION_RE.exec(m.name)![1]));
    const next = String((numbers.length ? Math.max(...numbers) : 0) + 1).padStart(4, '0');
    const slug = options.message ? slugify(options.message) : prev.snapshot.tables.length === 0 ? 'init' : slugify(plan.title);
    const name = `${next}_${slug || 'migration'}`;
    const from = schemaHash(prev.snapshot);
    const to = schemaHash(ir);
    const header = (dir: 'up' | 'down') => [
      `schemac migration ${name} (${dir}) for database ${dbName}`,
      `schema before: ${from}`,
      `schema after:  ${to}`,
    ];
    const up = { name: `${name}.up.sql`, text: renderSqlFile(header('up'), upStatements(plan)) };
    const down = { name: `${name}.down.sql`, text: renderSqlFile(header('down'), downStatements(plan)) };
    files.set(`migrations/${up.name}`, up.text);
    files.set(`migrations/${down.name}`, down.text);
    migration = { name, up, down };
  }
  const migrations = [...files].filter(([k]) => k.startsWith('migrations/')).map(([k, text]) => ({ name: k.slice(11), text }));
  const newest = migration?.name ?? newestMigration(prev);
  files.set('schema.sql', renderSqlFile([`schemac schema for database ${dbName}`, `schema: ${schemaHash(ir)}`,
    `${NEWEST_LABEL}${newest ?? 'none'}`], schemaStatements(ir, options.server)));
  files.set('snapshot.json', writeSnapshot(ir));
  files.set('schemac.sum', renderSum(migrations));
  return { changes, plan, migration, files, risks: planRisks(plan) };
}

/**
 * Existing migrations must match `schemac.sum`: a build rewrites the sum, and would otherwise
 * quietly accept a migration edited by hand (SPEC §5: `schemac sum` is how an edit is accepted).
 */
export function checkSum(dbName: string, prev: GeneratedState): void {
  const text = prev.files.get('schemac.sum');
  if (text === undefined) {
    if (prev.migrations.length) {
      throw new SchemacError({ code: 'E_SUM_MISSING', message: `database "${dbName}": schemac.sum is missing`,
        hint: 'restore it from git, or run `schemac sum` to record the migrations as they are' });
    }
    return;
  }
  const format = sumFormatProblem(text, `database "${dbName}": schemac.sum`);
  if (format) throw new SchemacError(format);
  const sum = parseSum(text);
  const problems = prev.migrations.filter((m) => sum.files.get(m.name) !== fileHash(m.text)).map((m) => ({
    code: 'E_SUM_MISMATCH',
    message: `database "${dbName}": migrations/${m.name} ${sum.files.has(m.name) ? 'was edited after it was summed' : 'is not in schemac.sum'}`,
    hint: 'run `schemac sum` if the edit is deliberate, or restore the file from git',
  }));
  const present = new Set(prev.migrations.map((m) => m.name));
  for (const name of sum.files.keys()) {
    if (!present.has(name)) {
      problems.push({ code: 'E_SUM_MISSING_FILE', message: `database "${dbName}": migrations/${name} is in schemac.sum but the file is gone`,
        hint: 'restore it from git; a migration that ran somewhere must stay (run `schemac sum` only if it never ran anywhere)' });
    }
  }
  if (problems.length) throw new SchemacError(problems);
}

/** The line of schema.sql's header that names the newest migration the snapshot was written with. */
const NEWEST_LABEL = 'newest migration: ';

/** The newest migration of the folder (`0002_status_report`), by number; null when there is none. */
function newestMigration(prev: GeneratedState): string | null {
  const names = prev.migrations.map((m) => MIGRATION_RE.exec(m.name)).filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]) || (a[2] < b[2] ? -1 : 1));
  const last = names[names.length - 1];
  return last ? `${last[1]}_${last[2]}` : null;
}

/**
 * The migrations must reach the snapshot: schema.sql names the newest migration the snapshot was
 * written with, and that migration must still be there. A migration deleted after it was built
 * (and re-summed) would otherwise leave a snapshot no migration leads to: `build` would find
 * nothing to do, and a database migrated from these files would lack the change.
 */
export function checkReach(dbName: string, prev: GeneratedState): void {
  const line = prev.files.get('schema.sql')?.split('\n', 4).find((l) => l.startsWith(`-- ${NEWEST_LABEL}`));
  const recorded = line?.slice(3 + NEWEST_LABEL.length);
  if (!recorded || recorded === 'none') return;
  if (prev.migrations.some((m) => m.name === `${recorded}.up.sql`)) return;
  throw new SchemacError({ code: 'E_MIGRATION_REMOVED',
    message: `database "${dbName}": snapshot.json and schema.sql were written with migration ${recorded}, which is gone from migrations/: the migrations no longer reach the snapshot`,
    hint: `restore ${recorded}'s files from git; if it never ran anywhere and you want to build it again, restore snapshot.json and schema.sql as they were before it `
      + `(git log -- <folder>/snapshot.json finds that commit), then run \`schemac build\`` });
}

/**
 * True when generated/ was written for exactly this schema: the hash in schema.sql's header
 * matches and the files are there. Only trusted when the hash is already known (from the
 * compile cache); `build --check` always compares every file.
 */
export function alreadyBuilt(prev: GeneratedState, ir: SchemaIR): boolean {
  const hash = knownSchemaHash(ir);
  const header = prev.files.get('schema.sql')?.split('\n', 4);
  return hash !== undefined && header?.[1] === `-- schema: ${hash}` && header[2] === `-- ${NEWEST_LABEL}${newestMigration(prev) ?? 'none'}`
    && prev.files.has('snapshot.json') && prev.files.has('schemac.sum');
}

/** Longest slug of a migration name (the number and the `.up.sql` come on top). */
const SLUG_MAX = 50;

/**
 * `-m "Status report"` → `status_report`; longer than SLUG_MAX characters, it is cut at the
 * last word boundary that fits (and never ends in `_and`), or within a word longer than half of it.
 */
export function slugify(message: string): string {
  const slug = message.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (slug.length <= SLUG_MAX) return slug;
  const cut = slug.lastIndexOf('_', SLUG_MAX);
  // A word too long to keep whole is cut where it must be.
  return (cut >= SLUG_MAX / 2 ? slug.slice(0, cut) : slug.slice(0, SLUG_MAX)).replace(/(_and)+$/, '');
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

