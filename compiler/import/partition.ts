import { lexSql, type Token } from '../dialect/mysql/lexer.js';
import { MAXVALUE } from '../dialect/mysql/partition.js';
import { expressionEmbeddingProblem } from '../ir/sql-expr.js';
import type { PartitionDefinition, Partitioning, PartitionScheme } from '../ir/types.js';
import type { ReadContext } from './context.js';
import { Cursor, ImportError, describeToken, splitTopLevel } from './cursor.js';

/*
 * Partitioning in .sql files (https://dev.mysql.com/doc/refman/8.0/en/create-table.html,
 * partition_options; https://mariadb.com/kb/en/partitioning-types/), as written by hand and as
 * SHOW CREATE TABLE prints it (MariaDB adds `ENGINE = InnoDB` to each partition).
 */

/** `PARTITION BY` (CREATE TABLE or ALTER TABLE): the start of a partitioning clause. */
export function atPartitionBy(cur: Cursor): boolean {
  return cur.atWord('PARTITION', 'BY');
}

/** A value or bound: its source text, which must embed in a statement. */
function valueText(ctx: ReadContext, tokens: readonly Token[], what: string, at: Token): string {
  const text = ctx.source(tokens).trim();
  if (text === '') throw new ImportError('E_IMPORT_SYNTAX', `${what}: a value is empty`, at.start);
  if (text.toUpperCase() === MAXVALUE) return MAXVALUE;
  const problem = expressionEmbeddingProblem(text);
  if (problem) throw new ImportError('E_IMPORT_EXPR', `${what}: ${problem.message}`, tokens[0].start);
  return text;
}

/** `[LINEAR] HASH (expr)`, `[LINEAR] KEY [ALGORITHM = n] (cols)`, `RANGE|LIST (expr)`, `RANGE|LIST COLUMNS (cols)`. */
function readScheme(ctx: ReadContext, cur: Cursor, sub: boolean): PartitionScheme {
  const linear = cur.acceptWord('LINEAR');
  const t = cur.next('a partitioning method');
  const method = t.kind === 'word' ? t.upper : '';
  if (method !== 'HASH' && method !== 'KEY' && method !== 'RANGE' && method !== 'LIST') {
    cur.fail(`expected HASH, KEY, RANGE or LIST but found ${describeToken(t)}`, t);
  }
  if (linear && method !== 'HASH' && method !== 'KEY') cur.fail(`LINEAR ${method} does not exist`, t);
  if (sub && method !== 'HASH' && method !== 'KEY') cur.fail('subpartitions are HASH or KEY', t);
  const columns = (what: string): string[] => {
    const { inner } = cur.group();
    return splitTopLevel(inner).filter((x) => x.length > 0).map((x) => {
      const c = new Cursor(x);
      const name = c.identifier(what);
      c.expectEnd();
      return name;
    });
  };
  if (method === 'KEY') {
    if (cur.acceptWord('ALGORITHM')) {
      cur.acceptOp('=');
      cur.next('1 or 2');
    }
    return { method, ...(linear ? { linear: true } : {}), columns: columns('a column name') };
  }
  if ((method === 'RANGE' || method === 'LIST') && cur.acceptWord('COLUMNS')) {
    return { method, columns: columns('a column name') };
  }
  const { inner, open } = cur.group();
  return { method, ...(linear ? { linear: true } : {}), expr: ctx.expression(inner, 'generated', `the PARTITION BY ${method} expression`, open) };
}

function readCount(cur: Cursor): number {
  const n = cur.next('a number');
  const value = n.kind === 'number' ? Number(n.text) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > 8192) cur.fail(`expected a number of partitions from 1 to 8192 but found ${describeToken(n)}`, n);
  return value;
}

/**
 * Options of a partition or subpartition: ENGINE (the table's, as SHOW CREATE TABLE repeats it)
 * is read and left out, COMMENT kept; DATA/INDEX DIRECTORY, MAX_ROWS, TABLESPACE, ... are not held.
 */
function readPartitionOptions(cur: Cursor, into: { comment?: string }, what: string): void {
  for (;;) {
    const t = cur.peek();
    if (!t || t.kind !== 'word') return;
    if (cur.acceptWord('STORAGE', 'ENGINE') || cur.acceptWord('ENGINE')) {
      cur.acceptOp('=');
      cur.optionWord('engine');
    } else if (cur.acceptWord('COMMENT')) {
      cur.acceptOp('=');
      into.comment = cur.string(`the comment of ${what}`);
    } else if (['DATA', 'INDEX', 'MAX_ROWS', 'MIN_ROWS', 'TABLESPACE', 'NODEGROUP'].includes(t.upper)) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `${t.upper} of ${what} is not in the schema IR`, t.start);
    } else {
      return;
    }
  }
}

/** `PARTITION name [VALUES LESS THAN (...) | MAXVALUE | VALUES IN (...)] [options] [(SUBPARTITION s, ...)]`. */
export function readPartitionDefinition(ctx: ReadContext, tokens: readonly Token[]): PartitionDefinition {
  const cur = new Cursor(tokens);
  cur.expectWord('PARTITION');
  const name = cur.identifier('a partition name');
  const what = `partition ${name}`;
  const d: { name: string; lessThan?: string[]; values?: string[]; comment?: string; subpartitions?: string[] } = { name };
  if (cur.acceptWord('VALUES')) {
    if (cur.acceptWord('LESS', 'THAN')) {
      if (cur.atWord(MAXVALUE)) {
        cur.next();
        d.lessThan = [MAXVALUE];
      } else {
        const { inner, open } = cur.group();
        d.lessThan = splitTopLevel(inner).map((x) => valueText(ctx, x, what, open));
      }
    } else {
      cur.expectWord('IN');
      const { inner, open } = cur.group();
      d.values = splitTopLevel(inner).map((x) => valueText(ctx, x, what, open));
    }
  }
  readPartitionOptions(cur, d, what);
  if (cur.atOp('(')) {
    const { inner } = cur.group();
    d.subpartitions = splitTopLevel(inner).filter((x) => x.length > 0).map((x) => {
      const c = new Cursor(x);
      c.expectWord('SUBPARTITION');
      const sub = c.identifier('a subpartition name');
      readPartitionOptions(c, {}, `subpartition ${sub}`);
      c.expectEnd();
      return sub;
    });
  }
  cur.expectEnd(`the end of ${what}`);
  return d;
}

/** The partition definitions inside `( ... )`. */
export function readPartitionDefinitions(ctx: ReadContext, cur: Cursor): PartitionDefinition[] {
  const { inner } = cur.group();
  return splitTopLevel(inner).filter((x) => x.length > 0).map((x) => readPartitionDefinition(ctx, x));
}

/** `PARTITION BY ... [PARTITIONS n] [SUBPARTITION BY ... [SUBPARTITIONS n]] [(definitions)]`, to the end of the cursor. */
export function readPartitioning(ctx: ReadContext, cur: Cursor): Partitioning {
  const start = cur.peek();
  cur.expectWord('PARTITION', 'BY');
  let by = readScheme(ctx, cur, false);
  if (cur.acceptWord('PARTITIONS')) by = { ...by, count: readCount(cur) };
  let subBy: PartitionScheme | undefined;
  if (cur.acceptWord('SUBPARTITION', 'BY')) {
    subBy = readScheme(ctx, cur, true);
    if (cur.acceptWord('SUBPARTITIONS')) subBy = { ...subBy, count: readCount(cur) };
  }
  const partitions = cur.atOp('(') ? readPartitionDefinitions(ctx, cur) : [];
  cur.expectEnd('the end of the partitioning');
  // PARTITIONS n before listed partitions only repeats their number.
  if (partitions.length && by.count !== undefined) by = { ...by, count: undefined } as PartitionScheme;
  if (by.count === undefined) delete (by as { count?: number }).count;
  return { by, ...(subBy ? { subBy } : {}), partitions, ...(start ? { pos: ctx.pos(start.start) } : {}) };
}

/**
 * mysqldump writes a table's partitioning in an executable comment after its options
 * (`) ENGINE=InnoDB ... /*!50100 PARTITION BY RANGE (...) (...) *\/;`), which the server runs as
 * code (every server schemac supports is past 5.1). The comment that follows the statement's
 * last token, with only blanks between, is read as the partitioning; its tokens keep their
 * offsets in the file, so positions and the expressions' text are the file's.
 */
export function executablePartitioning(ctx: ReadContext, comments: readonly Token[], lastEnd: number): Partitioning | null {
  for (const c of comments) {
    if (c.start < lastEnd || ctx.text.slice(lastEnd, c.start).trim() !== '') continue;
    const m = /^\/\*M?!\d{5,6}/.exec(c.text);
    if (!m || !c.text.endsWith('*/')) return null;
    const base = c.start + m[0].length;
    const inner = c.text.slice(m[0].length, -2);
    const lexed = lexSql(inner);
    if (lexed.error) throw new ImportError('E_IMPORT_SYNTAX', lexed.error.message, base + lexed.error.offset);
    const tokens = lexed.tokens.map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
    const cur = new Cursor(tokens);
    if (!atPartitionBy(cur)) return null;
    return readPartitioning(ctx, cur);
  }
  return null;
}
