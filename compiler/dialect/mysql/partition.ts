import type { PartitionDefinition, Partitioning, PartitionScheme } from '../../ir/types.js';
import { lexSql } from './lexer.js';
import { ident, literal } from './quote.js';

/*
 * Partitioning as MySQL and MariaDB write it (https://dev.mysql.com/doc/refman/8.0/en/partitioning-types.html,
 * https://mariadb.com/kb/en/partitioning-types/): the clause of CREATE TABLE and ALTER TABLE
 * ... PARTITION BY, partition definitions for ADD / REORGANIZE PARTITION, and the reading of
 * information_schema.PARTITIONS' text columns.
 */

/** `MAXVALUE`, the bound of a RANGE partition that has none. */
export const MAXVALUE = 'MAXVALUE';

/** `RANGE (expr)`, `RANGE COLUMNS (a, b)`, `LINEAR HASH (expr)`, `KEY (a)`, with PARTITIONS n when counted. */
export function schemeSql(s: PartitionScheme, columnsForm: boolean, countWord: 'PARTITIONS' | 'SUBPARTITIONS'): string {
  const head = `${s.linear ? 'LINEAR ' : ''}${s.method}`;
  let text: string;
  if (s.method === 'KEY') text = `${head} (${(s.columns ?? []).map(ident).join(', ')})`;
  else if (columnsForm) text = `${head} COLUMNS (${(s.columns ?? []).map(ident).join(', ')})`;
  else text = `${head} (${s.expr ?? ''})`;
  return s.count !== undefined ? `${text} ${countWord} ${s.count}` : text;
}

/** Whether a RANGE or LIST partitioning is by COLUMNS (its scheme has columns and no expression). */
export function isColumnsForm(s: PartitionScheme): boolean {
  return (s.method === 'RANGE' || s.method === 'LIST') && s.expr === undefined;
}

/** One partition definition: `PARTITION p0 VALUES LESS THAN (10) COMMENT = '...' (SUBPARTITION s0, ...)`. */
export function partitionDefinitionSql(d: PartitionDefinition, p: Partitioning): string {
  const parts = [`PARTITION ${ident(d.name)}`];
  if (d.lessThan) {
    // RANGE (expr) writes MAXVALUE bare; RANGE COLUMNS writes every bound in the list.
    parts.push(!isColumnsForm(p.by) && d.lessThan.length === 1 && d.lessThan[0].toUpperCase() === MAXVALUE
      ? `VALUES LESS THAN ${MAXVALUE}` : `VALUES LESS THAN (${d.lessThan.join(', ')})`);
  }
  if (d.values) parts.push(`VALUES IN (${d.values.join(', ')})`);
  if (d.comment !== undefined) parts.push(`COMMENT = ${literal(d.comment)}`);
  if (d.subpartitions) parts.push(`(${d.subpartitions.map((n) => `SUBPARTITION ${ident(n)}`).join(', ')})`);
  return parts.join(' ');
}

/** `PARTITION BY ... [SUBPARTITION BY ...] [(PARTITION ..., ...)]`, as CREATE TABLE and ALTER TABLE write it. */
export function partitionClauseSql(p: Partitioning): string {
  const lines = [`PARTITION BY ${schemeSql(p.by, isColumnsForm(p.by), 'PARTITIONS')}`];
  if (p.subBy) lines.push(`SUBPARTITION BY ${schemeSql(p.subBy, false, 'SUBPARTITIONS')}`);
  if (p.partitions.length) lines.push(`(${p.partitions.map((d) => partitionDefinitionSql(d, p)).join(', ')})`);
  return lines.join(' ');
}

/**
 * Whether a statement with this partitioning goes through sql-formatter: always, since the
 * formatter breaks a PARTITION BY clause across lines whatever it holds (so a statement written
 * in any other layout would change when formatted).
 */
export function partitioningHasUserSql(_p: Partitioning): boolean {
  return true;
}

/**
 * A comma-separated list of SQL values (information_schema.PARTITIONS.PARTITION_DESCRIPTION:
 * `1,2,3`, `10,'m'`, `('x',1),('y',2)`, `MAXVALUE`), split at the commas outside parentheses and
 * quotes, read with the dialect's lexer.
 */
export function splitValueList(text: string): string[] {
  const { tokens } = lexSql(text);
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const t of tokens) {
    if (t.kind !== 'op') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ',' && depth === 0) {
      out.push(text.slice(start, t.start).trim());
      start = t.end;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || out.length) out.push(last);
  return out;
}

/** `` `a`,`b` `` (PARTITION_EXPRESSION of KEY and COLUMNS partitioning) → `['a', 'b']`; empty for KEY (). */
export function splitColumnList(text: string): string[] {
  const { tokens } = lexSql(text);
  return tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted').map((t) => t.value);
}

/** The names the server gives counted partitions (`p0`, `p1`, ...) and subpartitions (`p0sp0`, ...). */
export function countedPartitionName(i: number): string {
  return `p${i}`;
}

export function countedSubpartitionName(partition: string, i: number): string {
  return `${partition}sp${i}`;
}
