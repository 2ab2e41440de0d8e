import { join } from 'node:path';
import { SchemacError } from '../compiler/diagnostics.js';
import { BASELINE_FILE } from '../compiler/project/generated.js';
import { readGenerated, selectDatabases, type Project } from '../compiler/project/generated.js';
import type { SchemaIR } from '../compiler/ir/types.js';
import type { Risk } from '../compiler/plan/types.js';
import { compareSchemas, introspectSession, type PrintedStatement } from './compare.js';
import { readHistory } from './history.js';
import { databaseDefaults, IntrospectError, type ServerInfo } from './introspect.js';
import { migrationSet, type MigrationSet } from './migrations.js';
import type { DatabaseTarget } from './project.js';
import type { Session } from './session.js';

/*
 * `schemac verify`: drift between a live database and its generated snapshot. Uses only the
 * generated folder (snapshot.json, migrations, schemac.sum), never the schema files.
 */

/** A database with its migrations and the snapshot they lead to. */
export interface SnapshotTarget extends DatabaseTarget {
  readonly snapshot: SchemaIR;
  /** `generated/members/snapshot.json`, for messages. */
  readonly snapshotFile: string;
  /** False when the generated folder has no snapshot.json (nothing was built yet). */
  readonly built: boolean;
  /** The text of baseline.sql (the schema the migrations start from, after `schemac import`), or null. */
  readonly baseline: string | null;
}

/** The databases a command works on (all in config order, or `--db`), with snapshot and migrations. */
export function loadSnapshotTargets(project: Project, names: readonly string[] | undefined): SnapshotTarget[] {
  return selectDatabases(project, names).map((config) => {
    const dir = config.out.replace(/\\/g, '/').replace(/\/+$/, '');
    const state = readGenerated(join(project.root, config.out));
    return {
      config, snapshot: state.snapshot, snapshotFile: `${dir}/snapshot.json`, built: state.files.has('snapshot.json'),
      baseline: state.files.get(BASELINE_FILE) ?? null,
      set: migrationSet(config.name, dir, state.migrations, state.files.get('schemac.sum') ?? null),
    };
  });
}

/** Refuses a target with no snapshot: there is nothing to compare with. */
export function requireSnapshot(target: SnapshotTarget): void {
  if (!target.built) {
    throw new SchemacError({ code: 'E_NO_SNAPSHOT', message: `database "${target.config.name}": ${target.snapshotFile} does not exist`,
      hint: 'run `schemac build` first (and commit generated/)' });
  }
}

/** What verify found on one database. */
export interface DriftReport {
  readonly database: string;
  readonly snapshot: string;
  readonly drift: boolean;
  /** Each difference, as a change from the snapshot to the live database. */
  readonly differences: readonly string[];
  /** The SQL that brings the database back to the snapshot (plan from the live schema to the snapshot). */
  readonly fix: readonly PrintedStatement[];
  /** The fix's steps, one line each. */
  readonly fixSteps: readonly string[];
  /** What a reviewer must know before running the fix (data it drops, NOT NULL it sets, ...). */
  readonly risks: readonly Risk[];
  /** What was not compared (objects the IR cannot hold) and migrations that are not applied. */
  readonly notes: readonly string[];
}

/** Compares the session's database with the snapshot. */
export async function verifyDatabase(session: Session, target: SnapshotTarget): Promise<DriftReport> {
  let live: SchemaIR;
  let introspectNotes: string[];
  let server: ServerInfo;
  try {
    const r = await introspectSession(session, target.snapshot);
    live = r.ir;
    server = r.server;
    introspectNotes = r.notes.map((n) => `not compared: ${n.table}${n.object ? '.' + n.object : ''}: ${n.message}`);
  } catch (e) {
    if (e instanceof IntrospectError) {
      throw new SchemacError({ code: 'E_INTROSPECT', message: `database "${target.config.name}": ${e.message}`,
        hint: 'the database has objects the schema language cannot describe; remove them or compare by hand' });
    }
    throw e;
  }
  // The snapshot is what this database should have: its unset options mean this database's defaults too.
  const database = databaseDefaults(server);
  const on = { server, databases: { from: database, to: database } };
  const seen = compareSchemas(target.snapshot, live, { ...on, withSql: false });
  const fix = seen.changes.length ? compareSchemas(live, target.snapshot, on) : null;
  return {
    database: target.config.name, snapshot: target.snapshotFile, drift: seen.changes.length > 0,
    differences: seen.differences, fix: fix?.statements ?? [], fixSteps: fix?.steps ?? [], risks: fix?.risks ?? [],
    notes: [...introspectNotes, ...await historyNotes(session, target.set, fix !== null)],
  };
}

/**
 * Migrations of the generated folder that the database's version table does not list as
 * applied; `fixed` says whether the report prints SQL (drift) that the note can refer to.
 */
async function historyNotes(session: Session, set: MigrationSet, fixed: boolean): Promise<string[]> {
  const rows = await readHistory(session);
  const byVersion = new Map(rows.map((r) => [r.version, r]));
  const notes: string[] = [];
  const pending = set.migrations.filter((m) => !byVersion.has(m.version)).map((m) => m.name);
  if (pending.length) {
    notes.push(`${pending.length} migration${pending.length > 1 ? 's are' : ' is'} not applied here (${pending.join(', ')}): `
      + (fixed ? 'the snapshot is the schema after every migration; run `schemac up` rather than the SQL above'
        : 'yet the database already matches the snapshot, so `schemac up` would run them on top of it; check `schemac status` first'));
  }
  for (const r of rows) if (r.state === 'partial') notes.push(`migration ${r.name} is partly applied (${r.statementsApplied} of ${r.statementsTotal} statements): see \`schemac status\``);
  return notes;
}
