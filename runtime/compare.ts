import type { ServerProfile } from '../compiler/dialect/mysql/server.js';
import type { BuildHints } from '../compiler/ir/hints.js';
import type { Change } from '../compiler/diff/changes.js';
import { executionOf } from '../compiler/dialect/mysql/strategy.js';
import { differencesOf, diffTables, NO_DATABASES, type Databases } from '../compiler/diff/diff.js';
import { printDdl } from '../compiler/dialect/mysql/ddl.js';
import { sqlComment } from '../compiler/dialect/mysql/sql.js';
import { describeChange } from '../compiler/diff/describe.js';
import { formatStatement } from '../compiler/emit/render.js';
import { assertNever, type SchemaIR, type Table } from '../compiler/ir/types.js';
import { planChanges } from '../compiler/plan/plan.js';
import { upStatements, type Plan, type Risk } from '../compiler/plan/types.js';
import { introspectWithNotes, type IntrospectNote, type Queryable, type ServerInfo } from './introspect.js';
import type { Session } from './session.js';

export { describeChange };

/*
 * What verify, test-migrations and diff share: a live database read through a Session, the
 * differences between two schemas in one line each, and the SQL that turns one into the other.
 * No schema files and no TypeScript compiler here (the compiler's parse/ stays out of the runtime).
 */

/** A Session as introspection's Queryable (`[rows, fields]`, as mysql2 answers). */
export function queryable(session: Session): Queryable {
  return { query: async (sql, params) => [(await session.query(sql, params)).rows, undefined] };
}

/**
 * The session's database as the IR, with the server it was read from (compare it there, with
 * `databaseDefaults(server)`); `expected` only restores text the metadata lost (see `IntrospectOptions`).
 */
export async function introspectSession(
  session: Session, expected: SchemaIR | null,
): Promise<{ ir: SchemaIR; notes: IntrospectNote[]; server: ServerInfo }> {
  return introspectWithNotes(queryable(session), session.database, expected ? { expected } : {});
}

/** The tables a change is about, by their names on either side. */
function tablesOf(change: Change): string[] {
  switch (change.kind) {
    case 'createTable':
    case 'dropTable': return [change.table.name];
    case 'renameTable': return [change.from, change.to];
    case 'addColumn': case 'dropColumn': case 'renameColumn': case 'reorderColumns': case 'modifyColumn': case 'addIndex':
    case 'dropIndex': case 'renameIndex': case 'replaceIndex': case 'addForeignKey': case 'dropForeignKey': case 'addCheck':
    case 'dropCheck': case 'setPrimaryKey': case 'alterOptions': case 'setPartitioning':
      return [change.table];
    case 'createView': case 'dropView': case 'alterView': return [];
    case 'createTrigger': case 'dropTrigger': return [change.trigger.table];
    case 'alterTrigger': return [change.from.table, change.to.table];
    case 'createRoutine': case 'dropRoutine': case 'alterRoutine': case 'createEvent': case 'dropEvent': case 'alterEvent': return [];
    default: return assertNever(change, 'change');
  }
}

/** A statement as it is printed: its step comment (if any) and its formatted SQL, without `;`. */
export interface PrintedStatement {
  readonly comment: string | null;
  readonly sql: string;
  /** The delimiter of a statement that holds `;` (a trigger's body): written between DELIMITER lines. */
  readonly delimiter?: string;
}

/** The differences from `from` to `to` and the SQL that turns `from` into `to`. */
export interface SchemaComparison {
  readonly changes: readonly Change[];
  /** One line per change (describeChange). */
  readonly differences: readonly string[];
  /** The plan's steps, one line each (what a migration's `-- step N:` comments say). */
  readonly steps: readonly string[];
  readonly statements: readonly PrintedStatement[];
  readonly risks: readonly Risk[];
}

/** How two schemas are compared. */
export interface CompareOptions {
  /** false: no planning, only the differences are needed. */
  readonly withSql?: boolean;
  /** The server both are meant for (a live side's); the config's default dialect when not given. */
  readonly server?: ServerProfile;
  /** The database of each side (a live database's defaults), for what unset character sets mean. */
  readonly databases?: Databases;
  /** The `to` side's build hints, when it is declared schema files (renames to follow). */
  readonly hints?: BuildHints;
}

/** Compares two normalised schemas on what they mean (see `diffSchemas`). */
export function compareSchemas(from: SchemaIR, to: SchemaIR, options: CompareOptions = {}): SchemaComparison {
  const { withSql = true, server, databases = NO_DATABASES, hints } = options;
  const diff = diffTables(from, to, { databases, ...(server ? { server } : {}), ...(hints ? { hints } : {}) });
  const changes = differencesOf(diff);
  const differences = changes.map((c) => describeChange(c, server));
  if (!withSql || changes.length === 0) return { changes, differences, steps: [], statements: [], risks: [] };
  const plan: Plan = planChanges(executionOf(diff), server);
  return {
    changes, differences,
    steps: plan.steps.map((s) => s.summary),
    statements: upStatements(plan).map((s) => ({ comment: s.comment ?? null, sql: formatStatement(s), ...(s.delimiter ? { delimiter: s.delimiter } : {}) })),
    risks: plan.steps.flatMap((s) => s.risks),
  };
}

/**
 * Statements as a SQL script: each `-- comment`, the statement and `;`, a blank line between. A
 * script with characters beyond ASCII starts with SET NAMES utf8mb4: it is UTF-8 text, and a
 * client whose default character set is another (the mariadb client under a POSIX locale is
 * latin1) would otherwise send the names and values as something else.
 */
export function sqlScript(statements: readonly PrintedStatement[]): string {
  const body = statements.map((s) => (s.comment ? `${sqlComment(s.comment)}\n` : '')
    + (s.delimiter ? `DELIMITER ${s.delimiter}\n${s.sql}${s.delimiter}\nDELIMITER ;` : s.sql + ';')).join('\n\n');
  return /[^\x00-\x7f]/.test(body) ? `SET NAMES utf8mb4;\n\n${body}` : body;
}

/** A risk as SQL comment lines. */
export function riskComment(r: Risk): string {
  return sqlComment(`${r.level}: ${r.message}`);
}

/**
 * CREATE TABLE of every table the changes are about, on each side (a table missing on a side is
 * left out there): both shapes of what differs, for a report.
 */
export function shapesOf(changes: readonly Change[], from: SchemaIR, to: SchemaIR): { from: string[]; to: string[] } {
  const names = new Set(changes.flatMap(tablesOf));
  const render = (ir: SchemaIR) => ir.tables.filter((t: Table) => names.has(t.name))
    .map((t) => formatStatement(printDdl({ kind: 'createTable', table: t, foreignKeys: t.foreignKeys })) + ';');
  return { from: render(from), to: render(to) };
}
