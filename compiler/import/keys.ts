import type { IndexAlgorithm, IndexPart, ReferentialAction, SourcePos } from '../ir/types.js';
import type { IndexOptions } from './catalog.js';
import type { ReferenceSpec } from './column.js';
import type { ReadContext } from './context.js';
import { Cursor, ImportError, splitTopLevel } from './cursor.js';
import type { Token } from '../dialect/mysql/lexer.js';
import { astify } from './node-sql-parser.js';
import { notEnforcedChecks, type ServerProfile } from '../dialect/mysql/server.js';

/** A key or constraint clause of CREATE TABLE or ALTER TABLE ... ADD, as read. */
export type KeySpec =
  | { readonly kind: 'primaryKey'; readonly columns: readonly string[]; readonly comment?: string; readonly pos: SourcePos }
  | {
    readonly kind: 'index'; readonly name: string | null; readonly unique: boolean; readonly parts: readonly IndexPart[];
    readonly options: IndexOptions; readonly pos: SourcePos;
  }
  | {
    readonly kind: 'foreignKey'; readonly name: string | null;
    /** `FOREIGN KEY name (cols)`: the name of the index the server creates for it. */
    readonly indexName: string | null;
    readonly columns: readonly string[]; readonly ref: ReferenceSpec; readonly pos: SourcePos;
  }
  | { readonly kind: 'check'; readonly name: string | null; readonly expr: string; readonly pos: SourcePos; readonly enforced?: false };

const KEY_WORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'KEY', 'INDEX', 'FULLTEXT', 'SPATIAL', 'FOREIGN', 'CHECK']);

/** Whether a CREATE TABLE item (or what follows ALTER TABLE ... ADD) is a key or constraint, not a column. */
export function isKeyItem(tokens: readonly Token[]): boolean {
  const [a, b] = tokens;
  if (!a || a.kind !== 'word') return false;
  if (KEY_WORDS.has(a.upper)) return true;
  // MariaDB 11.7 `VECTOR INDEX`, system-versioning `PERIOD FOR`.
  return b?.kind === 'word' && ((a.upper === 'VECTOR' && (b.upper === 'INDEX' || b.upper === 'KEY')) || (a.upper === 'PERIOD' && b.upper === 'FOR'));
}

const PREFIX = 'CREATE TABLE _t (';

/**
 * Reads a key or constraint clause. PRIMARY KEY, UNIQUE, KEY/INDEX and FOREIGN KEY are read by
 * node-sql-parser (MySQL grammar, then MariaDB's); CHECK is framed by hand because its
 * expression is kept as written. Index kinds and options the IR lacks (FULLTEXT, SPATIAL,
 * VECTOR, COMMENT, INVISIBLE/IGNORED, functional parts) throw E_IMPORT_UNSUPPORTED.
 */
export function readKeyItem(ctx: ReadContext, tokens: readonly Token[]): KeySpec {
  const cur = new Cursor(tokens);
  const first = tokens[0];
  const pos = ctx.pos(first.start);
  const unsupported = (t: Token, what: string): never => {
    throw new ImportError('E_IMPORT_UNSUPPORTED', `${what} is not in the schema IR`, t.start);
  };

  let constraintName: string | null = null;
  if (cur.acceptWord('CONSTRAINT') && !cur.atAnyWord(KEY_WORDS)) constraintName = cur.identifier('a constraint name');
  const kindToken = cur.peek() ?? first;
  if (cur.acceptWord('CHECK')) {
    const { open, inner } = cur.group('"(" and the check expression');
    const expr = ctx.expression(inner, 'check', `check ${constraintName ?? '(unnamed)'}`, open);
    const enforced = readEnforced(cur, ctx.server, `check ${constraintName ?? '(unnamed)'}`);
    cur.expectEnd('the end of the CHECK clause');
    return { kind: 'check', name: constraintName, expr, pos, ...(enforced ? {} : { enforced: false as const }) };
  }
  if (cur.atWord('VECTOR')) unsupported(kindToken, `a ${kindToken.upper} index`);
  if (cur.atWord('PERIOD')) unsupported(kindToken, 'PERIOD FOR (system versioning)');
  if (cur.atAnyWord(INDEX_WORDS)) return readIndexClause(ctx, cur, constraintName, pos);
  if (cur.atWord('PRIMARY', 'KEY')) return readPrimaryKey(ctx, cur, pos);
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (t.upper === 'COMMENT') unsupported(t, 'a primary key or foreign key COMMENT');
    if (t.upper === 'INVISIBLE' || t.upper === 'IGNORED') unsupported(t, `an ${t.upper} primary key`);
    if (t.upper === 'CLUSTERING') unsupported(t, 'a CLUSTERING index');
  }

  const source = ctx.source(tokens);
  const parsed = astify(`${PREFIX}${source})`);
  if ('refusal' in parsed) {
    const offset = first.start + Math.max(0, Math.min(parsed.refusal.offset - PREFIX.length, source.length));
    throw new ImportError('E_IMPORT_SYNTAX', `node-sql-parser cannot read this ${kindToken.text.toUpperCase()} clause: ${parsed.refusal.message}`, offset);
  }
  const def = parsed.ast?.create_definitions?.[0];
  if (!def || parsed.ast.create_definitions.length !== 1) {
    throw new ImportError('E_IMPORT_SYNTAX', 'expected one key or constraint clause', first.start);
  }
  checkIndexOptions(def, first);
  const type = String(def.constraint_type ?? '').toLowerCase();
  if (type === 'primary key') {
    const parts = indexParts(def.definition, first);
    if (parts.some((p) => p.length !== undefined || p.desc)) unsupported(first, 'a PRIMARY KEY with prefix lengths or DESC parts');
    return { kind: 'primaryKey', columns: parts.map((p) => p.column), pos };
  }
  if (type === 'foreign key') {
    const ref = def.reference_definition;
    const refTable = parsedName(ref?.table?.[0]?.table);
    if (typeof refTable !== 'string') throw new ImportError('E_IMPORT_SYNTAX', 'FOREIGN KEY without REFERENCES', first.start);
    let onDelete: ReferentialAction = 'NO ACTION';
    let onUpdate: ReferentialAction = 'NO ACTION';
    for (const a of ref.on_action ?? []) {
      const action = String(a?.value?.value ?? '').toUpperCase() as ReferentialAction;
      if (!['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION', 'SET DEFAULT'].includes(action)) {
        throw new ImportError('E_IMPORT_SYNTAX', `unknown referential action ${JSON.stringify(a?.value?.value)}`, first.start);
      }
      if (String(a.type).toLowerCase() === 'on delete') onDelete = action;
      else onUpdate = action;
    }
    return {
      kind: 'foreignKey', name: parsedName(def.constraint) ?? constraintName, indexName: parsedName(def.index),
      columns: (def.definition ?? []).map((c: unknown) => columnName(c, first)),
      ref: { table: refTable, columns: (ref.definition ?? []).map((c: unknown) => columnName(c, first)), onDelete, onUpdate },
      pos,
    };
  }
  throw new ImportError('E_IMPORT_SYNTAX', `unexpected ${kindToken.text.toUpperCase()} clause`, first.start);
}

const INDEX_WORDS: ReadonlySet<string> = new Set(['UNIQUE', 'KEY', 'INDEX', 'FULLTEXT', 'SPATIAL']);

/**
 * `{UNIQUE [KEY|INDEX] | FULLTEXT [KEY|INDEX] | SPATIAL [KEY|INDEX] | KEY | INDEX} [name]
 * [USING BTREE|HASH] (key parts) [index options]`, read by hand (node-sql-parser knows neither
 * WITH PARSER nor IGNORED): the options are `USING`, `KEY_BLOCK_SIZE [=] n`, `COMMENT 'text'`,
 * `WITH PARSER name`, `VISIBLE`/`INVISIBLE` (MySQL) and `IGNORED`/`NOT IGNORED` (MariaDB), each
 * as the server of the import spells it. Also the body of CREATE INDEX after ON table.
 */
export function readIndexClause(ctx: ReadContext, cur: Cursor, constraintName: string | null, pos: SourcePos): KeySpec {
  let unique = false;
  const options: { -readonly [K in keyof IndexOptions]: IndexOptions[K] } = {};
  if (cur.acceptWord('UNIQUE')) unique = true;
  else if (cur.acceptWord('FULLTEXT')) options.type = 'fulltext';
  else if (cur.acceptWord('SPATIAL')) options.type = 'spatial';
  if (!cur.acceptWord('KEY') && !cur.acceptWord('INDEX') && !unique && options.type === undefined) {
    cur.fail(`expected KEY or INDEX but found ${cur.peek()?.text ?? 'the end'}`);
  }
  let name: string | null = null;
  if (!cur.atOp('(') && !cur.atWord('USING')) name = cur.identifier('an index name');
  if (cur.atWord('USING')) readIndexOption(ctx, cur, options);
  const { open, inner, close } = cur.group('"(" and the key parts');
  const parts = readKeyParts(ctx, inner, open);
  const rest = [close, ...cur.tokens.slice(cur.index, cur.end)];
  while (!cur.atEnd()) readIndexOption(ctx, cur, options);
  readVersionedOptions(ctx, rest, options);
  return { kind: 'index', name: name ?? (unique ? constraintName : null), unique, parts, options, pos };
}

/**
 * The index options MySQL's SHOW CREATE TABLE and mysqldump print in versioned comments, which
 * the importer's lexer keeps out of the tokens: `/*!50100 WITH PARSER \`ngram\` *\/` and
 * `/*!80000 INVISIBLE *\/`. Read from the text after each token of the clause up to the next token
 * (or, after the last, up to the next code).
 */
function readVersionedOptions(ctx: ReadContext, tokens: readonly Token[], options: { -readonly [K in keyof IndexOptions]: IndexOptions[K] }): void {
  tokens.forEach((t, i) => {
    const gap = ctx.text.slice(t.end, i + 1 < tokens.length ? tokens[i + 1].start : undefined);
    const versioned = /^(?:\s+|--[^\n]*\n|\/\*(?!!)[\s\S]*?\*\/|\/\*!\d*\s*([\s\S]*?)\s*\*\/)*/.exec(gap)?.[0] ?? '';
    for (const m of versioned.matchAll(/\/\*!\d*\s*([\s\S]*?)\s*\*\//g)) {
      const body = m[1];
      const parser = /^WITH\s+PARSER\s+(?:`((?:[^`]|``)+)`|([A-Za-z0-9_$]+))$/i.exec(body);
      if (parser) options.parser = parser[1] !== undefined ? parser[1].replace(/``/g, '`') : parser[2];
      else if (/^INVISIBLE$/i.test(body)) options.hidden = true;
      else if (/^VISIBLE$/i.test(body)) delete options.hidden;
    }
  });
}

/**
 * `PRIMARY KEY [USING type] (columns) [options]`: the columns and the COMMENT; USING and
 * KEY_BLOCK_SIZE ask nothing of InnoDB's clustered index; a primary key is never hidden.
 */
function readPrimaryKey(ctx: ReadContext, cur: Cursor, pos: SourcePos): KeySpec {
  const first = cur.peek()!;
  cur.expectWord('PRIMARY', 'KEY');
  const options: { -readonly [K in keyof IndexOptions]: IndexOptions[K] } = {};
  if (cur.atWord('USING')) readIndexOption(ctx, cur, options);
  const { open, inner, close } = cur.group('"(" and the primary key columns');
  const parts = readKeyParts(ctx, inner, open);
  const rest = [close, ...cur.tokens.slice(cur.index, cur.end)];
  while (!cur.atEnd()) {
    const at = cur.peek()!;
    readIndexOption(ctx, cur, options);
    if (options.hidden || options.parser !== undefined) {
      throw new ImportError('E_IMPORT_SYNTAX', `a primary key cannot be ${options.hidden ? 'hidden' : 'given a parser'}`, at.start);
    }
  }
  readVersionedOptions(ctx, rest, options);
  if (parts.some((p) => p.length !== undefined || p.desc)) {
    throw new ImportError('E_IMPORT_UNSUPPORTED', 'a PRIMARY KEY with prefix lengths or DESC parts is not in the schema IR', first.start);
  }
  return { kind: 'primaryKey', columns: parts.map((p) => p.column), ...(options.comment !== undefined ? { comment: options.comment } : {}), pos };
}

function readIndexOption(ctx: ReadContext, cur: Cursor, options: { -readonly [K in keyof IndexOptions]: IndexOptions[K] }): void {
  const t = cur.peek()!;
  const refuse = (what: string): never => { throw new ImportError('E_IMPORT_UNSUPPORTED', `${what} is not in the schema IR`, t.start); };
  const mariadb = ctx.server.flavor === 'mariadb';
  const spelledFor = (flavor: 'MySQL' | 'MariaDB', other: string): never => {
    throw new ImportError('E_IMPORT_SYNTAX', `${t.upper} is ${flavor === 'MySQL' ? 'MySQL' : 'MariaDB'}'s spelling; ${flavor === 'MySQL' ? 'MariaDB' : 'MySQL'} hides an index with ${other}`, t.start);
  };
  if (cur.acceptWord('USING')) {
    const algorithm = cur.next('BTREE or HASH');
    if (algorithm.kind !== 'word' || (algorithm.upper !== 'BTREE' && algorithm.upper !== 'HASH' && algorithm.upper !== 'RTREE')) {
      cur.fail(`expected BTREE or HASH after USING but found ${algorithm.text}`, algorithm);
    }
    // RTREE is what a SPATIAL index is; as an option it asks for nothing more.
    if (algorithm.upper !== 'RTREE') options.using = algorithm.upper as IndexAlgorithm;
  } else if (cur.acceptWord('KEY_BLOCK_SIZE')) {
    cur.acceptOp('=');
    const n = cur.next('a number');
    if (n.kind !== 'number' || !/^\d+$/.test(n.text) || Number(n.text) > 65535) cur.fail(`expected a block size in bytes but found ${n.text}`, n);
    options.keyBlockSize = Number(n.text);
  } else if (cur.acceptWord('COMMENT')) {
    options.comment = cur.string('the index comment');
  } else if (cur.acceptWord('WITH', 'PARSER')) {
    options.parser = cur.identifier('a parser name');
  } else if (cur.acceptWord('VISIBLE')) {
    if (mariadb) spelledFor('MySQL', 'IGNORED');
    options.hidden = false;
  } else if (cur.acceptWord('INVISIBLE')) {
    if (mariadb) spelledFor('MySQL', 'IGNORED');
    options.hidden = true;
  } else if (cur.acceptWord('NOT', 'IGNORED')) {
    if (!mariadb) spelledFor('MariaDB', 'INVISIBLE');
    options.hidden = false;
  } else if (cur.acceptWord('IGNORED')) {
    if (!mariadb) spelledFor('MariaDB', 'INVISIBLE');
    options.hidden = true;
  } else if (cur.atWord('CLUSTERING')) {
    refuse('a CLUSTERING index');
  } else if (cur.atWord('ENGINE_ATTRIBUTE') || cur.atWord('SECONDARY_ENGINE_ATTRIBUTE')) {
    refuse(`index option ${t.upper}`);
  } else {
    cur.fail(`expected an index option (USING, KEY_BLOCK_SIZE, COMMENT, WITH PARSER, ${mariadb ? 'IGNORED' : 'INVISIBLE'}) but found ${t.text}`);
  }
  if (options.hidden === false) delete options.hidden;
}

/**
 * `c`, `c(10)`, `c DESC` separated by commas, and functional key parts `(expr) [ASC|DESC]`
 * (MySQL 8.0.13+; read on any server, validation refuses them where the server has none).
 */
function readKeyParts(ctx: ReadContext, inner: readonly Token[], open: Token): IndexPart[] {
  if (inner.length === 0) throw new ImportError('E_IMPORT_SYNTAX', 'a key needs at least one column', open.start);
  return splitTopLevel(inner).map((tokens) => {
    const cur = new Cursor(tokens);
    if (cur.atOp('(')) {
      const { open: o, inner: body } = cur.group();
      const expr = ctx.expression(body, 'generated', 'a functional key part', o);
      let descending = false;
      if (cur.acceptWord('DESC')) descending = true;
      else cur.acceptWord('ASC');
      cur.expectEnd('"," or ")" after a functional key part');
      return { column: '', expr, ...(descending ? { desc: true } : {}) };
    }
    const column = cur.identifier('a key column');
    let length: number | undefined;
    if (cur.atOp('(')) {
      const { open: o, inner: n } = cur.group();
      if (n.length !== 1 || n[0].kind !== 'number' || !/^\d+$/.test(n[0].text)) {
        throw new ImportError('E_IMPORT_SYNTAX', 'a key prefix length is a whole number, as c(10)', o.start);
      }
      length = Number(n[0].text);
    }
    let desc = false;
    if (cur.acceptWord('DESC')) desc = true;
    else cur.acceptWord('ASC');
    if (!cur.atEnd()) {
      if (cur.atOp('(') || cur.atOp('.') || cur.peek()?.kind === 'op') {
        throw new ImportError('E_IMPORT_UNSUPPORTED', 'a functional key part (an expression in a key) is not in the schema IR', tokens[0].start);
      }
      cur.expectEnd('"," or ")" after a key column');
    }
    return { column, ...(length !== undefined ? { length } : {}), ...(desc ? { desc } : {}) };
  });
}

/** USING BTREE/HASH and KEY_BLOCK_SIZE on a primary key change nothing the IR models. */
function checkIndexOptions(def: any, at: Token): void {
  for (const o of [...(def.index_options ?? []), ...(def.index_type ? [def.index_type] : [])]) {
    const keyword = String(o?.keyword ?? o?.type ?? '').toLowerCase();
    if (keyword === 'using' || keyword === 'key_block_size' || keyword === 'visible') continue;
    throw new ImportError('E_IMPORT_UNSUPPORTED', `index option ${keyword.toUpperCase() || JSON.stringify(o)} is not in the schema IR`, at.start);
  }
}

/** A column of a key: `c`, `c(10)`, `c DESC`; a functional part `(expr)` is refused. */
export function indexParts(list: unknown, at: Token): IndexPart[] {
  if (!Array.isArray(list) || list.length === 0) throw new ImportError('E_IMPORT_SYNTAX', 'a key needs at least one column', at.start);
  return list.map((p: any): IndexPart => {
    const desc = String(p?.order_by ?? '').toUpperCase() === 'DESC';
    if (p?.type === 'column_ref') {
      const m = typeof p.suffix === 'string' ? /^\((\d+)\)$/.exec(p.suffix.trim()) : null;
      if (p.suffix && !m) throw new ImportError('E_IMPORT_SYNTAX', `unexpected ${p.suffix} after a key column`, at.start);
      return { column: columnName(p, at), ...(m ? { length: Number(m[1]) } : {}), ...(desc ? { desc } : {}) };
    }
    // CREATE INDEX reads `c(10)` as a call of c with one argument.
    const args = p?.args?.value;
    if (p?.type === 'function' && Array.isArray(args) && args.length === 1 && args[0]?.type === 'number' && p.name?.name?.length === 1) {
      return { column: parsedName(String(p.name.name[0].value))!, length: Number(args[0].value), ...(desc ? { desc } : {}) };
    }
    throw new ImportError('E_IMPORT_UNSUPPORTED', 'a functional key part (an expression in a key) is not in the schema IR', at.start);
  });
}

/**
 * A name as node-sql-parser returns it: with the backticks of a quoted name removed but a
 * backtick inside it still doubled (`` `t``ick` `` → t``ick), so it is undoubled here.
 */
export function parsedName(name: unknown): string | null {
  return typeof name === 'string' ? name.replace(/``/g, '`') : null;
}

function columnName(c: any, at: Token): string {
  const col = c?.column;
  if (typeof col === 'string') return parsedName(col)!;
  if (col && typeof col === 'object' && typeof col.expr?.value === 'string') return parsedName(col.expr.value)!;
  throw new ImportError('E_IMPORT_UNSUPPORTED', 'a functional key part (an expression in a key) is not in the schema IR', at.start);
}

/**
 * After a CHECK's expression: `[NOT] ENFORCED`. Returns false for NOT ENFORCED, which only MySQL
 * 8.0.16+ has (MariaDB refuses the clause: an error at it on a MariaDB project).
 */
export function readEnforced(cur: Cursor, server: ServerProfile, what: string): boolean {
  if (cur.atWord('NOT', 'ENFORCED')) {
    const t = cur.peek()!;
    if (!notEnforcedChecks(server)) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `CHECK ... NOT ENFORCED is MySQL 8.0.16+ syntax: MariaDB refuses it (${what}: enforce the check, or drop it)`, t.start);
    }
    cur.next();
    cur.next();
    return false;
  }
  cur.acceptWord('ENFORCED');
  return true;
}
