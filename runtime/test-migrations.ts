import { randomBytes } from 'node:crypto';
import type { SchemaIR } from '../compiler/ir/types.js';
import { compareSchemas, introspectSession, shapesOf, type CompareOptions } from './compare.js';
import { databaseDefaults } from './introspect.js';
import { statementsOf, type Migration, type MigrationSet, type MigrationText } from './migrations.js';
import { describeError, quoteIdent, type Session } from './session.js';

/*
 * `schemac test-migrations`: every migration of a database, up then down, on a scratch
 * database of the same server. After each up the schema is read back and kept; after the last
 * up it must equal the snapshot; each down, newest first, must give back the schema read
 * before that migration's up, and the last one an empty database. Uses the generated folder
 * only (snapshot.json and the migration files), never the schema files.
 */

export type Direction = 'up' | 'down';

/** The first thing that went wrong. */
export type MigrationTestFailure =
  | {
    readonly kind: 'statement';
    readonly migration: string;
    readonly direction: Direction;
    readonly file: string;
    /** 1-based statement number in the file, and its line. */
    readonly statement: number;
    readonly line: number;
    readonly sql: string;
    readonly error: string;
  }
  | {
    readonly kind: 'mismatch';
    readonly migration: string;
    readonly direction: Direction;
    /** What the schema was compared with: `the snapshot`, `the schema before 0002_x up`, `an empty database`. */
    readonly expectedName: string;
    /** Each difference as a change from the expected schema to the one the database has. */
    readonly differences: readonly string[];
    /** CREATE TABLE of the tables that differ: as expected, and as the database has them. */
    readonly expected: readonly string[];
    readonly actual: readonly string[];
  }
  | { readonly kind: 'missing-file'; readonly migration: string; readonly direction: Direction; readonly message: string };

export interface MigrationTestReport {
  readonly database: string;
  /** The scratch database the test ran on (dropped afterwards). */
  readonly scratch: string;
  readonly migrations: readonly string[];
  /** Statements run, up and down. */
  readonly statements: number;
  readonly ok: boolean;
  readonly failure: MigrationTestFailure | null;
}

export interface MigrationTestContext {
  /** A session on the scratch database (empty at the start). */
  readonly session: Session;
  readonly set: MigrationSet;
  readonly snapshot: SchemaIR;
  /** baseline.sql (the schema the history starts from, after `schemac import`), loaded before the first up. */
  readonly baseline?: string | null;
  /** Progress (stderr). */
  readonly log: (line: string) => void;
}

class Stop extends Error {
  constructor(readonly failure: MigrationTestFailure) {
    super(failure.kind);
  }
}

/** Runs every migration up, then down; stops at the first failure and reports it. */
export async function testMigrations(ctx: MigrationTestContext): Promise<MigrationTestReport> {
  const { session, set, snapshot, log } = ctx;
  const migrations = set.migrations;
  let statements = 0;
  const report = (failure: MigrationTestFailure | null): MigrationTestReport => ({
    database: set.database, scratch: session.database, migrations: migrations.map((m) => m.name), statements,
    ok: failure === null, failure,
  });

  // Every read is compared on the scratch server, in its database: an option the snapshot spells
  // out and the server reports unset (its default there) is no difference. The snapshot only
  // restores text the metadata lost (see IntrospectOptions.expected).
  let on: CompareOptions = {};
  const read = async () => {
    const r = await introspectSession(session, snapshot);
    const database = databaseDefaults(r.server);
    on = { server: r.server, databases: { from: database, to: database } };
    return r.ir;
  };
  const run = async (m: Migration, direction: Direction): Promise<void> => {
    const file = direction === 'up' ? m.up : m.down;
    if (!file) {
      throw new Stop({ kind: 'missing-file', migration: m.name, direction,
        message: `${set.dir}/migrations/${m.name}.${direction}.sql does not exist` });
    }
    const list = statementsOf(file);
    log(`${set.database}: ${m.name} ${direction} (${list.length} statement${list.length === 1 ? '' : 's'})`);
    await runFile(session, m, direction, file, () => { statements++; });
  };
  const compare = (m: Migration, direction: Direction, expected: SchemaIR, expectedName: string, actual: SchemaIR): void => {
    const c = compareSchemas(expected, actual, { ...on, withSql: false });
    if (c.changes.length === 0) return;
    const shapes = shapesOf(c.changes, expected, actual);
    throw new Stop({ kind: 'mismatch', migration: m.name, direction, expectedName, differences: c.differences,
      expected: shapes.from, actual: shapes.to });
  };

  try {
    if (ctx.baseline) {
      const base: Migration = { version: 0, name: 'baseline', up: { file: `${set.dir}/baseline.sql`, text: ctx.baseline, hash: '' }, down: null };
      await runFile(session, base, 'up', base.up!, () => { statements++; });
    }
    let state = await read();
    if (migrations.length === 0) {
      compare({ version: 0, name: '(no migration)', up: null, down: null }, 'up', snapshot, `the snapshot (${set.dir}/snapshot.json)`, state);
      return report(null);
    }
    const before: SchemaIR[] = [];
    for (const m of migrations) {
      before.push(state);
      await run(m, 'up');
      state = await read();
    }
    const last = migrations[migrations.length - 1];
    compare(last, 'up', snapshot, `the snapshot (${set.dir}/snapshot.json) after the last migration`, state);
    for (let i = migrations.length - 1; i >= 0; i--) {
      const m = migrations[i];
      await run(m, 'down');
      state = await read();
      const name = i === 0 ? `an empty database (the schema before ${m.name} up)` : `the schema before ${m.name} up`;
      compare(m, 'down', before[i], name, state);
    }
    return report(null);
  } catch (e) {
    if (e instanceof Stop) return report(e.failure);
    throw e;
  }
}

async function runFile(session: Session, m: Migration, direction: Direction, file: MigrationText, counted: () => void): Promise<void> {
  const list = statementsOf(file);
  for (let k = 0; k < list.length; k++) {
    const s = list[k];
    try {
      await session.query(s.sql);
    } catch (e) {
      throw new Stop({ kind: 'statement', migration: m.name, direction, file: file.file, statement: k + 1, line: s.line,
        sql: s.sql, error: describeError(e) });
    }
    counted();
  }
}

/** Hooks around a scratch database's life, so a caller can drop it on an interrupt. */
export interface ScratchHooks {
  readonly created?: (name: string) => void;
  readonly dropped?: (name: string) => void;
  /** A warning (the drop failed). */
  readonly log?: (line: string) => void;
}

/** `members_app_schemac_test_1a2b3c4d`: the database's name (cut to fit 64 characters) and a random suffix. */
export function scratchName(base: string): string {
  const suffix = `_schemac_test_${randomBytes(4).toString('hex')}`;
  return base.slice(0, 64 - suffix.length) + suffix;
}

/**
 * Creates a scratch database next to `base` (with `base`'s default character set and collation
 * when it exists, else the server's), opens a session on it, runs `body`, and always drops it.
 * `admin` is a session on the server (any default database).
 */
export async function withScratchDatabase<T>(admin: Session, base: string, open: (name: string) => Promise<Session>,
  body: (session: Session) => Promise<T>, hooks: ScratchHooks = {}): Promise<T> {
  const name = scratchName(base);
  const { rows } = await admin.query(`SELECT DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation
    FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`, [base]);
  const known = rows.length > 0 && /^\w+$/.test(String(rows[0].charset)) && /^\w+$/.test(String(rows[0].collation));
  const options = known ? ` CHARACTER SET ${String(rows[0].charset)} COLLATE ${String(rows[0].collation)}` : '';
  await admin.query(`CREATE DATABASE ${quoteIdent(name)}${options}`);
  hooks.created?.(name);
  let session: Session | null = null;
  try {
    session = await open(name);
    return await body(session);
  } finally {
    await session?.close();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      hooks.dropped?.(name);
    } catch (e) {
      hooks.log?.(`warning: could not drop the scratch database ${name}: ${describeError(e)}; drop it by hand (DROP DATABASE ${quoteIdent(name)})`);
    }
  }
}
