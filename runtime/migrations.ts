import type { Diagnostic } from '../compiler/diagnostics.js';
import { MIGRATION_RE } from '../compiler/project/generated.js';
import { fileHash, parseSum, renderSum, sumFormatProblem, type MigrationFile } from '../compiler/emit/sum.js';
import { splitStatements, type Statement } from './statements.js';

/** A migration file as the runtime sees it. */
export interface MigrationText {
  /** Path for messages, relative to the project root: `generated/members/migrations/0002_x.up.sql`. */
  readonly file: string;
  readonly text: string;
  /** `fileHash(text)`, what schemac.sum and the history record. */
  readonly hash: string;
}

/** One numbered migration: its up and down files (either may be missing on disk). */
export interface Migration {
  readonly version: number;
  /** `0002_status_report` */
  readonly name: string;
  readonly up: MigrationText | null;
  readonly down: MigrationText | null;
}

/** A database's migrations, sorted by version, and its sum file. */
export interface MigrationSet {
  /** The config's database name. */
  readonly database: string;
  /** The generated folder, relative to the project root (for messages). */
  readonly dir: string;
  readonly migrations: readonly Migration[];
  readonly files: readonly MigrationFile[];
  /** The text of schemac.sum, or null when there is none. */
  readonly sum: string | null;
}

const statementCache = new WeakMap<MigrationText, Statement[]>();

/** The statements of a migration file (split once). */
export function statementsOf(file: MigrationText): Statement[] {
  let list = statementCache.get(file);
  if (!list) {
    list = splitStatements(file.text);
    statementCache.set(file, list);
  }
  return list;
}

/** Groups a generated folder's migration files (as readGenerated returns them) by version. */
export function migrationSet(database: string, dir: string, files: readonly MigrationFile[], sum: string | null): MigrationSet {
  const byName = new Map<string, { version: number; up: MigrationText | null; down: MigrationText | null }>();
  for (const f of files) {
    const m = MIGRATION_RE.exec(f.name);
    if (!m) continue;
    const base = `${m[1]}_${m[2]}`;
    const entry = byName.get(base) ?? { version: Number(m[1]), up: null, down: null };
    const text: MigrationText = { file: `${dir}/migrations/${f.name}`, text: f.text, hash: fileHash(f.text) };
    if (m[3] === 'up') entry.up = text;
    else entry.down = text;
    byName.set(base, entry);
  }
  const migrations = [...byName].map(([name, e]) => ({ name, ...e }))
    .sort((a, b) => a.version - b.version || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { database, dir, migrations, files, sum };
}

const SUM_HINT = 'run `schemac sum` if the edit is deliberate (and review what changed); otherwise restore the file from git';

/**
 * The integrity check before anything runs (SPEC §5): every migration file is in schemac.sum
 * with its hash, the sum lists no file that is gone, its first line is the chain total, and no
 * two migrations share a number.
 */
export function checkIntegrity(set: MigrationSet): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const sumFile = `${set.dir}/schemac.sum`;
  const seen = new Map<number, string>();
  for (const m of set.migrations) {
    const other = seen.get(m.version);
    if (other) {
      problems.push({ code: 'E_DUPLICATE_VERSION', message: `database ${set.database}: two migrations are numbered ${String(m.version).padStart(4, '0')}: ${other} and ${m.name}`,
        hint: 'two branches each added a migration: keep one, delete the other\'s files and run `schemac build` to write its change as the next number' });
    }
    seen.set(m.version, m.name);
  }
  if (set.files.length === 0) return problems;
  if (set.sum === null) {
    problems.push({ code: 'E_SUM_MISSING', message: `database ${set.database}: ${sumFile} is missing`,
      hint: 'restore it from git, or run `schemac sum` to write it from the migration files' });
    return problems;
  }
  const format = sumFormatProblem(set.sum, sumFile);
  if (format) return [...problems, format];
  const sum = parseSum(set.sum);
  for (const m of set.migrations) {
    for (const f of [m.up, m.down]) {
      if (!f) continue;
      const base = f.file.slice(f.file.lastIndexOf('/') + 1);
      const recorded = sum.files.get(base);
      if (recorded === undefined) {
        problems.push({ code: 'E_SUM_MISMATCH', message: `${f.file} is not listed in ${sumFile}`, pos: { file: f.file, line: 1, column: 1 }, hint: SUM_HINT });
      } else if (recorded !== f.hash) {
        problems.push({ code: 'E_SUM_MISMATCH', message: `${f.file} was changed: its hash ${f.hash} differs from ${recorded} in ${sumFile}`,
          pos: { file: f.file, line: 1, column: 1 }, hint: SUM_HINT });
      }
    }
  }
  const present = new Set(set.files.map((f) => f.name));
  for (const name of sum.files.keys()) {
    if (!present.has(name)) {
      problems.push({ code: 'E_SUM_MISMATCH', message: `${sumFile} lists ${name}, but ${set.dir}/migrations/${name} is gone`,
        hint: 'restore the file from git; if it was removed on purpose, run `schemac sum`' });
    }
  }
  if (problems.length === 0 && renderSum(set.files) !== set.sum) {
    problems.push({ code: 'E_SUM_MISMATCH', message: `${sumFile}: the first line is not the hash of the chain of files (a merge of two branches?)`,
      hint: 'if two branches added migrations, renumber one with `schemac build`; if the files are right, run `schemac sum`' });
  }
  return problems;
}
