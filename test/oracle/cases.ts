import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, type Diagnostic } from '../../compiler/diagnostics.js';
import type { ImportOptions } from '../../compiler/import/sql.js';
import type { Conn } from '../helpers/server.js';

/** The repository root (this file runs from dist/test/oracle). */
export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** sqldef's mysqldef cases (see its README), beside the repository: never copied into it. */
import { withoutDatabase } from '../../compiler/dialect/mysql/views.js';

export const ORACLE_DIR = resolve(ROOT, '..', 'shared', 'oracle', 'sqldef-mysql');

/** A case folder's meta.json (sqldef's test flags). */
export interface OracleMeta {
  readonly flavor?: string;
  readonly min_version?: string;
  readonly max_version?: string;
  readonly enable_drop?: boolean;
  readonly error?: string;
  readonly idempotency_only?: boolean;
  readonly config?: Record<string, unknown>;
}

export interface OracleCase {
  readonly name: string;
  readonly meta: OracleMeta;
  /** '' when the case starts from an empty database. */
  readonly current: string;
  readonly desired: string;
}

export function oracleCaseNames(): string[] {
  if (!existsSync(ORACLE_DIR)) return [];
  return readdirSync(ORACLE_DIR).filter((n) => existsSync(join(ORACLE_DIR, n, 'desired.sql'))).sort();
}

export function loadOracleCase(name: string): OracleCase {
  const dir = join(ORACLE_DIR, name);
  const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');
  return { name, meta: JSON.parse(read('meta.json') || '{}'), current: read('current.sql'), desired: read('desired.sql') };
}

/** `10.11.19-MariaDB-0+deb12u1` → [10, 11, 19]. */
export function versionParts(version: string): number[] {
  return (/^[\d.]+/.exec(version)?.[0] ?? '').split('.').filter(Boolean).map(Number);
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Why sqldef would not run this case against a MariaDB server of `serverVersion`, or null.
 * `flavor` names the servers a case is for (mysql, mariadb, tidb; `!x` excludes x);
 * `min_version`/`max_version` are compared with the server's version, as sqldef's harness does
 * (a MariaDB 10.11 server satisfies `min_version: 8.0`); `error` cases expect sqldef to refuse.
 */
export function metaSkipReason(meta: OracleMeta, serverVersion: string): string | null {
  const flavor = meta.flavor?.trim();
  if (flavor) {
    const negated = flavor.startsWith('!');
    const name = negated ? flavor.slice(1) : flavor;
    if (negated ? name === 'mariadb' : name !== 'mariadb') return `flavor ${flavor} (not for MariaDB)`;
  }
  if (meta.error) return 'expects sqldef to refuse the change (error case)';
  const server = versionParts(serverVersion);
  if (meta.min_version && compareVersions(server, versionParts(meta.min_version)) < 0) return `min_version ${meta.min_version}`;
  if (meta.max_version && compareVersions(server, versionParts(meta.max_version)) > 0) return `max_version ${meta.max_version}`;
  return null;
}

/** Import diagnostics that mean "the IR cannot express this case" (a skip), not "the import failed". */
export function isUnsupported(d: Diagnostic): boolean {
  return d.code === 'E_IMPORT_UNSUPPORTED' || d.code === 'E_IMPORT_STATEMENT';
}

/** A skip reason without the object names, so reasons count together. */
export function reasonCategory(d: Diagnostic): string {
  return d.message.replace(/\s*\((?:column|table) [^)]*\)/g, '').replace(/\s*\([^)]*\)$/, '');
}

export function formatDiagnostics(list: readonly Diagnostic[]): string {
  return list.map(formatDiagnostic).join('\n');
}

type Shape = Record<string, unknown[]>;

/** The rows only in `a` (`-`) and only in `b` (`+`), per section, at most `limit` lines. */
export function shapeDifference(a: unknown, b: unknown, limit = 8): string {
  const lines: string[] = [];
  const sa = a as Shape;
  const sb = b as Shape;
  for (const key of Object.keys(sa)) {
    const ra = (sa[key] ?? []).map((r) => JSON.stringify(r));
    const rb = (sb[key] ?? []).map((r) => JSON.stringify(r));
    const setB = new Set(rb);
    const setA = new Set(ra);
    for (const r of ra) if (!setB.has(r)) lines.push(`- ${key} ${r}`);
    for (const r of rb) if (!setA.has(r)) lines.push(`+ ${key} ${r}`);
  }
  return lines.slice(0, limit).join('\n') + (lines.length > limit ? `\n  … ${lines.length - limit} more` : '');
}

/** How every file is read: for a MariaDB database created utf8mb4/utf8mb4_general_ci, as the scratch databases are. */
export const READ: ImportOptions = { server: configProfile('mariadb'), database: { charset: 'utf8mb4', collation: 'utf8mb4_general_ci', engine: 'InnoDB' } };

/** SHOW CREATE TABLE of every table of `db`, as one SQL file. */
export async function showCreateTables(conn: Conn, db: string): Promise<string> {
  const [rows] = await conn.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = \'BASE TABLE\' ORDER BY TABLE_NAME', [db]);
  const out: string[] = [];
  for (const { t } of rows as Array<{ t: string }>) {
    const [create] = await conn.query(`SHOW CREATE TABLE \`${db}\`.\`${t.replace(/`/g, '``')}\``);
    out.push((create as any[])[0]['Create Table'] + ';');
  }
  // Views after the tables, as the server prints them (names of `db` unqualified, as in a dump).
  const [views] = await conn.query('SELECT TABLE_NAME AS t FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME', [db]);
  for (const { t } of views as Array<{ t: string }>) {
    const [create] = await conn.query(`SHOW CREATE VIEW \`${db}\`.\`${t.replace(/`/g, '``')}\``);
    out.push(withoutDatabase((create as any[])[0]['Create View'], db) + ';');
  }
  // Triggers, routines and events as the server shows them, between DELIMITER lines as a dump has them.
  const programs: Array<[string, string, string]> = [
    ['SELECT TRIGGER_NAME AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME', 'TRIGGER', 'SQL Original Statement'],
    ["SELECT ROUTINE_NAME AS t FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'PROCEDURE' ORDER BY ROUTINE_NAME", 'PROCEDURE', 'Create Procedure'],
    ["SELECT ROUTINE_NAME AS t FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'FUNCTION' ORDER BY ROUTINE_NAME", 'FUNCTION', 'Create Function'],
    ['SELECT EVENT_NAME AS t FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME', 'EVENT', 'Create Event'],
  ];
  for (const [list, kind, column] of programs) {
    const [names] = await conn.query(list, [db]);
    for (const { t } of names as Array<{ t: string }>) {
      const [create] = await conn.query(`SHOW CREATE ${kind} \`${db}\`.\`${t.replace(/`/g, '``')}\``);
      out.push(`DELIMITER ;;\n${(create as any[])[0][column]};;\nDELIMITER ;`);
    }
  }
  return out.join('\n');
}
