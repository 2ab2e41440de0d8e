import { assertNever, type Column, type ColumnType, type Index } from '../../ir/types.js';
import type { Clause, Ddl } from './ddl.js';
import { instantAddColumn, type ServerProfile } from './server.js';
import { charsetMaxBytes } from './types.js';

/**
 * What a statement costs the server, predicted per server from one table of facts: which
 * algorithm it runs with (INSTANT: metadata only; INPLACE: in the storage engine, perhaps
 * rebuilding the table; COPY: a new table, row by row), whether it rebuilds the table, and
 * whether other sessions can write to it meanwhile. Sources: MySQL 8.0/8.4 Reference Manual,
 * "Online DDL Operations" (https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html);
 * MariaDB, "InnoDB Online DDL Operations with ALGORITHM=INSTANT / NOCOPY / INPLACE"
 * (https://mariadb.com/kb/en/innodb-online-ddl-overview/) and the measurements on MariaDB
 * 10.11.19 in ../shared/ONLINE-DDL.md. Where a fact is not verified the prediction is the more
 * expensive one: a plan may be cheaper than it says, never dearer.
 *
 * An ALTER runs at its most expensive clause's algorithm (ONLINE-DDL.md, rule 2).
 */
export type Algorithm = 'INSTANT' | 'INPLACE' | 'COPY';

export type Cost =
  /** An ALTER TABLE: how the server runs it. */
  | { readonly kind: 'alter'; readonly algorithm: Algorithm; readonly rebuilds: boolean; readonly blocksWrites: boolean }
  /** CREATE, DROP or RENAME TABLE: metadata (a DROP frees the table's pages). */
  | { readonly kind: 'metadata' }
  /** An UPDATE that writes the rows it fills, in one transaction. */
  | { readonly kind: 'rows' }
  /** A SELECT (a down's guard). */
  | { readonly kind: 'read' };

type AlterCost = Extract<Cost, { kind: 'alter' }>;

const RANK: Readonly<Record<Algorithm, number>> = { INSTANT: 0, INPLACE: 1, COPY: 2 };

const instant: AlterCost = { kind: 'alter', algorithm: 'INSTANT', rebuilds: false, blocksWrites: false };
/** In place without a rebuild (MariaDB's NOCOPY), writes allowed. */
const inplace: AlterCost = { kind: 'alter', algorithm: 'INPLACE', rebuilds: false, blocksWrites: false };
const inplaceRebuild: AlterCost = { kind: 'alter', algorithm: 'INPLACE', rebuilds: true, blocksWrites: false };
const inplaceBlocking: AlterCost = { kind: 'alter', algorithm: 'INPLACE', rebuilds: true, blocksWrites: true };
const copy: AlterCost = { kind: 'alter', algorithm: 'COPY', rebuilds: true, blocksWrites: true };

const isMariadb = (s: ServerProfile) => s.flavor === 'mariadb';

/** The most expensive of several clause costs: the statement's. */
export function worst(costs: readonly AlterCost[]): AlterCost {
  let out = instant;
  for (const c of costs) {
    out = {
      kind: 'alter', algorithm: RANK[c.algorithm] > RANK[out.algorithm] ? c.algorithm : out.algorithm,
      rebuilds: out.rebuilds || c.rebuilds, blocksWrites: out.blocksWrites || c.blocksWrites,
    };
  }
  return out;
}

export function ddlCost(ddl: Ddl, server: ServerProfile): Cost {
  switch (ddl.kind) {
    case 'createTable': case 'dropTable': case 'renameTable': return { kind: 'metadata' };
    case 'alterTable': {
      // Adding or dropping a VIRTUAL column is in place only alone: with any other clause the
      // server copies ("INPLACE ADD or DROP of virtual columns cannot be combined with other
      // ALTER TABLE actions", MariaDB 10.11, tested; the MySQL manual states the same limit).
      const virtual = ddl.clauses.some(addsOrDropsVirtual);
      if (virtual && ddl.clauses.filter((c) => c.kind !== 'keepIndex').length > 1) return copy;
      return worst(ddl.clauses.map((c) => clauseCost(c, server)));
    }
    case 'tableOptions': {
      // A comment is metadata; a new engine, row format, compression or any other storage option
      // rewrites the table (the dearer prediction where the manuals differ by option).
      const { comment: _a, ...from } = ddl.from;
      const { comment: _b, ...to } = ddl.to;
      return JSON.stringify(from) === JSON.stringify(to) ? (isMariadb(server) ? instant : inplace) : copy;
    }
    // Partitioning: a new scheme, or partitions reorganized, copies their rows; adding or dropping
    // RANGE/LIST partitions is in place, but HASH/KEY ones are redistributed: the dearer, COPY.
    case 'partitionBy': case 'addPartitions': case 'dropPartitions': case 'reorganizePartitions': return copy;
    // Converting columns to another character set rewrites them (ONLINE-DDL: CONVERT TO CHARACTER SET).
    case 'convertCharset': return ddl.columns.length ? copy : isMariadb(server) ? instant : inplace;
    // Views, triggers, stored programs and events are metadata (a trigger's creation waits for the table's metadata lock).
    case 'createView': case 'dropView': case 'replaceView': case 'createTrigger': case 'dropTrigger':
    case 'createRoutine': case 'dropRoutine': case 'createEvent': case 'dropEvent':
      return { kind: 'metadata' };
    case 'backfill': return { kind: 'rows' };
    case 'refuseRows': return { kind: 'read' };
    default: return assertNever(ddl, 'statement');
  }
}

function addsOrDropsVirtual(c: Clause): boolean {
  const virtual = (col: Column) => col.generated !== null && !col.generated.stored;
  switch (c.kind) {
    case 'addColumn': case 'dropColumn': return virtual(c.column);
    // Moving one counts too (MariaDB 10.11: a VIRTUAL column's MODIFY ... AFTER with other clauses copies).
    case 'rebuildColumn': case 'moveColumn': return virtual(c.from) || virtual(c.to);
    case 'modifyColumn': case 'renameColumn': case 'addIndex': case 'dropIndex': case 'replaceIndex': case 'renameIndex':
    case 'keepIndex': case 'setPrimaryKey': case 'addForeignKey': case 'dropForeignKey': case 'addCheck': case 'dropCheck':
      return false;
    default: return assertNever(c, 'clause');
  }
}

/** One clause's cost on `server`. */
export function clauseCost(c: Clause, server: ServerProfile): AlterCost {
  const maria = isMariadb(server);
  switch (c.kind) {
    case 'addColumn': return addColumnCost(c.column, c.after, server);
    // DROP COLUMN: INSTANT on MySQL 8.0.29+ and MariaDB 10.4+, else a rebuild.
    case 'dropColumn': return instantAddColumn(server) ? instant : inplaceRebuild;
    case 'modifyColumn': return modifyColumnCost(c.from, c.to, server);
    // Reordering: MariaDB INSTANT; MySQL rebuilds in place.
    case 'moveColumn': return worst([maria ? instant : inplaceRebuild, modifyColumnCost(c.from, c.to, server)]);
    case 'rebuildColumn': return worst([clauseCost({ kind: 'dropColumn', column: c.from, after: c.fromAfter }, server), addColumnCost(c.to, c.after, server)]);
    case 'renameColumn': return instant;
    case 'addIndex': return addIndexCost(c.index);
    case 'dropIndex': return inplace;
    case 'replaceIndex': return addIndexCost(c.to);
    case 'renameIndex': case 'keepIndex': return maria ? instant : inplace;
    // Adding a primary key (alone or with the drop of the old one) rebuilds in place; dropping it alone copies.
    case 'setPrimaryKey': return c.to ? inplaceRebuild : copy;
    // With foreign_key_checks on (schemac never turns them off), adding a key copies the table.
    case 'addForeignKey': return copy;
    case 'dropForeignKey': return maria ? instant : inplace;
    // ADD CHECK validates every row: COPY on MariaDB (measured); not verified on MySQL, so COPY.
    case 'addCheck': return copy;
    case 'dropCheck': return maria ? instant : inplace;
    default: return assertNever(c, 'clause');
  }
}

/**
 * Building an index is in place with writes allowed, except FULLTEXT (the first one rebuilds the
 * table, and every one blocks writes: ONLINE-DDL.md; which is the first is not known here) and
 * SPATIAL (LOCK=SHARED at best, MySQL manual "Adding a SPATIAL index").
 */
function addIndexCost(index: Index): AlterCost {
  // MariaDB builds only one FULLTEXT index in place at a time (with another, or a second one, it
  // copies: tested on 10.11), and the statement cannot tell which is the table's first: COPY.
  if (index.type === 'fulltext') return copy;
  // USING and KEY_BLOCK_SIZE are kept only on engines that use them (MEMORY, MyISAM, Aria: see
  // normalize.ts), which have no in-place ALTER: the table is copied.
  if (index.using !== undefined || index.keyBlockSize !== undefined) return copy;
  if (index.type === 'spatial') return { kind: 'alter', algorithm: 'INPLACE', rebuilds: false, blocksWrites: true };
  return inplace;
}

function addColumnCost(col: Column, after: string | null, server: ServerProfile): AlterCost {
  if (col.generated) return col.generated.stored ? copy : instant;
  if (col.autoIncrement) return inplaceBlocking;
  if (instantAddColumn(server)) return instant;
  // MySQL before 8.0.29: INSTANT only as the last column, which a plan cannot know here.
  void after;
  return inplaceRebuild;
}

/**
 * MODIFY COLUMN: metadata when only the default or comment changes; an in-place rebuild when only
 * nullability does; a VARCHAR widened within its length-byte class (both at most 255 bytes, or
 * both over) is MariaDB INSTANT, MySQL in place; ENUM/SET values appended at the end within the
 * same storage size are INSTANT; anything else that changes the stored data copies the table.
 */
export function modifyColumnCost(from: Column, to: Column, server: ServerProfile): AlterCost {
  const maria = isMariadb(server);
  const sameStorage = JSON.stringify(from.type) === JSON.stringify(to.type) && from.charset === to.charset && from.collate === to.collate
    && JSON.stringify(from.generated) === JSON.stringify(to.generated) && from.autoIncrement === to.autoIncrement
    && (from.compressed ?? false) === (to.compressed ?? false) && (from.invisible ?? false) === (to.invisible ?? false);
  if (sameStorage) {
    if (from.nullable !== to.nullable) return inplaceRebuild;
    // Default, ON UPDATE and comment: metadata.
    return maria ? instant : inplace;
  }
  if (from.generated || to.generated) return copy;
  // COMPRESSED changes the stored format; INVISIBLE is not verified: both copy.
  if ((from.compressed ?? false) !== (to.compressed ?? false) || (from.invisible ?? false) !== (to.invisible ?? false)) return copy;
  if (from.charset !== to.charset || from.collate !== to.collate) return copy;
  const nullability = from.nullable !== to.nullable ? inplaceRebuild : instant;
  const widened = varcharWidening(from.type, to.type, from.charset) ?? appendedValues(from.type, to.type);
  if (widened) return worst([nullability, maria ? instant : inplace]);
  return copy;
}

/** True for a VARCHAR/VARBINARY widened within its length-byte class; null when not a VARCHAR widening. */
function varcharWidening(from: ColumnType, to: ColumnType, charset: string | null): boolean | null {
  if (!((from.kind === 'varchar' && to.kind === 'varchar') || (from.kind === 'varbinary' && to.kind === 'varbinary'))) return null;
  if (to.length < from.length) return null;
  const bytes = from.kind === 'varbinary' ? 1 : charsetMaxBytes(charset);
  return (from.length * bytes <= 255) === (to.length * bytes <= 255) ? true : null;
}

/** True for ENUM/SET values appended at the end without changing the storage size. */
function appendedValues(from: ColumnType, to: ColumnType): boolean | null {
  if (from.kind === 'enum' && to.kind === 'enum') {
    const prefix = from.values.every((v, i) => to.values[i] === v) && to.values.length >= from.values.length;
    return prefix && (from.values.length <= 255) === (to.values.length <= 255) ? true : null;
  }
  if (from.kind === 'set' && to.kind === 'set') {
    const prefix = from.values.every((v, i) => to.values[i] === v) && to.values.length >= from.values.length;
    // SET storage: 1, 2, 3, 4 or 8 bytes for up to 8, 16, 24, 32 or 64 members.
    const bytes = (n: number) => (Math.ceil(n / 8) <= 4 ? Math.max(1, Math.ceil(n / 8)) : 8);
    return prefix && bytes(from.values.length) === bytes(to.values.length) ? true : null;
  }
  return null;
}

/**
 * The `ALGORITHM = ..., LOCK = ...` clauses that make the server hold to a prediction: it
 * refuses the ALTER instead of silently running it dearer (an INSTANT prediction takes no LOCK
 * clause: MySQL permits only LOCK=DEFAULT with it). Null for a statement that is not an ALTER.
 */
export function assertedAlgorithm(cost: Cost): string | null {
  if (cost.kind !== 'alter') return null;
  if (cost.algorithm === 'INSTANT') return 'ALGORITHM = INSTANT';
  return `ALGORITHM = ${cost.algorithm},\nLOCK = ${cost.blocksWrites ? 'SHARED' : 'NONE'}`;
}

/** `INSTANT`, `INPLACE, rebuilds the table`, `COPY, rebuilds the table, blocks writes`: a step comment's words. */
export function costText(cost: Cost): string {
  switch (cost.kind) {
    case 'alter':
      return [cost.algorithm, ...(cost.rebuilds ? ['rebuilds the table'] : []), cost.blocksWrites ? 'blocks writes' : 'writes allowed'].join(', ');
    case 'metadata': return 'metadata';
    case 'rows': return 'writes every row it fills';
    case 'read': return 'reads';
    default: return assertNever(cost, 'cost');
  }
}
