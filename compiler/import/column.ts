import { keepsParenthesisedLiteralDefault, sridZeroIsNone } from '../dialect/mysql/server.js';
import { isTextual } from '../dialect/mysql/types.js';
import { canonicalCharset } from '../ir/normalize.js';
import type { Column, ColumnType, DefaultValue, ReferentialAction, SourcePos } from '../ir/types.js';
import { readColumnType } from './column-type.js';
import type { ReadContext } from './context.js';
import { Cursor, ImportError, describeToken } from './cursor.js';
import type { Token } from '../dialect/mysql/lexer.js';
import { readEnforced } from './keys.js';

/** A foreign key written on a column (`REFERENCES t (c)`) or in a FOREIGN KEY clause. */
export interface ReferenceSpec {
  readonly table: string;
  readonly columns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
}

/** A column definition and the keys and constraints written on it. */
export interface ColumnSpec {
  readonly column: Column;
  readonly primaryKey: boolean;
  readonly unique: boolean;
  readonly checks: ReadonlyArray<{ readonly name: string | null; readonly expr: string; readonly pos: SourcePos; readonly enforced?: false }>;
  readonly references: (ReferenceSpec & { readonly pos: SourcePos }) | null;
}

const NOW_WORDS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);
const NILADIC = new Set(['CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME',
  'UTC_DATE', 'UTC_TIME', 'UTC_TIMESTAMP', 'CURRENT_USER']);

/**
 * Reads `name type [attributes]`, the column definition of CREATE TABLE, ADD/MODIFY/CHANGE
 * COLUMN. A small hand parser: node-sql-parser 5.4 refuses many valid spellings here
 * (`DOUBLE PRECISION`, `NATIONAL CHAR`, `BOOL`, `DEFAULT now()`, `INVISIBLE`, `CHARSET x`) and
 * its AST loses what a default says (`DEFAULT 1.00000000001234567891234` becomes a float,
 * `'it''s'` keeps its doubled quote, `ON UPDATE` hides in the default's `over`). Expressions
 * (CHECK, DEFAULT (...), AS (...)) are kept as written and checked with node-sql-parser.
 */
export function readColumnDefinition(ctx: ReadContext, tokens: readonly Token[], tableCharset: () => string | null = () => null): ColumnSpec {
  const cur = new Cursor(tokens, 0, tokens.length, tokens.length ? tokens[tokens.length - 1].end : 0);
  const nameToken = cur.peek()!;
  const name = cur.identifier('a column name');
  const typeRead = readColumnType(cur);
  let type = typeRead.type;
  let binaryAttribute: Token | null = null;
  let invisible = false;
  let compressed = false;
  let nullable: boolean | null = null;
  let def: DefaultValue | null = null;
  let autoIncrement = typeRead.serial;
  let onUpdateNow = false;
  let comment: string | null = null;
  let charset = typeRead.charset;
  let collate: string | null = null;
  let generated: Column['generated'] = null;
  let primaryKey = false;
  let unique = typeRead.serial;
  const checks: Array<{ name: string | null; expr: string; pos: SourcePos; enforced?: false }> = [];
  let references: ColumnSpec['references'] = null;
  const unsupported = (t: Token, what: string): never => {
    throw new ImportError('E_IMPORT_UNSUPPORTED', `${what} is not in the schema IR (column ${name})`, t.start);
  };

  while (!cur.atEnd()) {
    const t = cur.peek()!;
    if (cur.atWord('NOT') && !cur.atWord('NOT', 'NULL')) cur.fail(`expected NULL after NOT but found ${describeToken(cur.peek(1))}`, cur.peek(1) ?? t);
    if (cur.acceptWord('NOT', 'NULL')) nullable = false;
    else if (cur.acceptWord('NULL')) nullable = true;
    else if (cur.acceptWord('DEFAULT')) def = readDefaultValue(ctx, cur, name, type);
    else if (cur.acceptWord('AUTO_INCREMENT')) autoIncrement = true;
    else if (cur.acceptWord('COMMENT')) comment = cur.string('the comment');
    else if (cur.acceptWord('CHARACTER', 'SET') || cur.acceptWord('CHARSET')) charset = charsetName(cur, 'character set');
    else if (cur.acceptWord('COLLATE')) collate = charsetName(cur, 'collation');
    else if (cur.acceptWord('PRIMARY', 'KEY') || cur.acceptWord('KEY')) primaryKey = true;
    else if (cur.acceptWord('UNIQUE')) {
      if (!cur.acceptWord('KEY')) cur.acceptWord('INDEX');
      unique = true;
    } else if (cur.atWord('GENERATED') || cur.atWord('AS')) {
      if (cur.acceptWord('GENERATED')) cur.expectWord('ALWAYS');
      cur.expectWord('AS');
      const { open, inner } = cur.group('"(" and the generated column expression');
      const expr = ctx.expression(inner, 'generated', `generated column ${name}`, open);
      let stored = false;
      if (cur.acceptWord('STORED') || cur.acceptWord('PERSISTENT')) stored = true;
      else cur.acceptWord('VIRTUAL');
      generated = { expr, stored };
    } else if (cur.acceptWord('ON', 'UPDATE')) {
      const at = cur.next('CURRENT_TIMESTAMP');
      if (at.kind !== 'word' || !NOW_WORDS.has(at.upper)) unsupported(at, `ON UPDATE ${at.text}`);
      if (cur.atOp('(')) cur.group();
      onUpdateNow = true;
    } else if (cur.atWord('CONSTRAINT') || cur.atWord('CHECK')) {
      let checkName: string | null = null;
      if (cur.acceptWord('CONSTRAINT') && !cur.atWord('CHECK')) checkName = cur.identifier('a constraint name');
      const checkToken = cur.peek();
      cur.expectWord('CHECK');
      const { open, inner } = cur.group('"(" and the check expression');
      const expr = ctx.expression(inner, 'check', `check on column ${name}`, open);
      const enforced = readEnforced(cur, ctx.server, `the check on column ${name}`);
      checks.push({ name: checkName, expr, pos: ctx.pos(checkToken!.start), ...(enforced ? {} : { enforced: false as const }) });
    } else if (cur.acceptWord('REFERENCES')) {
      references = { ...readReference(cur), pos: ctx.pos(t.start) };
    } else if (cur.acceptWord('SRID') || cur.acceptWord('REF_SYSTEM_ID')) {
      // MySQL 8: SRID n; MariaDB: REF_SYSTEM_ID = n (0 there is no SRID).
      if (t.upper === 'REF_SYSTEM_ID') cur.expectOp('=');
      else cur.acceptOp('=');
      const n = cur.next('a spatial reference system id');
      if (n.kind !== 'number' || !/^\d+$/.test(n.text) || Number(n.text) > 4294967295) cur.fail(`expected an SRID (a whole number) but found ${describeToken(n)}`, n);
      if (type.kind !== 'geometry') return unsupported(t, `${t.upper} on a ${type.kind} column (it applies to spatial columns)`);
      const srid = Number(n.text);
      type = { ...type, srid: srid === 0 && sridZeroIsNone(ctx.server) ? null : srid };
    } else if (cur.acceptWord('SERIAL', 'DEFAULT', 'VALUE')) {
      // An alias of NOT NULL AUTO_INCREMENT UNIQUE on an integer column.
      if (type.kind !== 'int') unsupported(t, `SERIAL DEFAULT VALUE on a ${type.kind} column (it applies to integer columns)`);
      nullable = false;
      autoIncrement = true;
      unique = true;
    } else if (cur.atWord('BINARY') && isTextual(type) && type.kind !== 'enum' && type.kind !== 'set') {
      // The _bin collation of the column's character set, whichever it is (MySQL: "the BINARY attribute").
      binaryAttribute = cur.next();
    } else if (cur.acceptWord('INVISIBLE')) invisible = true;
    else if (cur.acceptWord('VISIBLE')) invisible = false;
    else if (cur.acceptWord('COMPRESSED')) {
      // MariaDB: COMPRESSED[=zlib], the only method.
      if (cur.acceptOp('=')) {
        const method = cur.next('a compression method');
        if (method.upper !== 'ZLIB') cur.fail(`expected zlib after COMPRESSED= but found ${describeToken(method)}`, method);
      }
      compressed = true;
    }
    else if (cur.atWord('COLUMN_FORMAT') || cur.atWord('STORAGE')
      || cur.atWord('AUTO_RANDOM') || cur.atWord('ENGINE_ATTRIBUTE') || cur.atWord('SECONDARY_ENGINE_ATTRIBUTE')
      || cur.atWord('WITH', 'SYSTEM') || cur.atWord('WITHOUT', 'SYSTEM')) {
      unsupported(t, `column attribute ${t.text.toUpperCase()}`);
    } else if ((cur.atWord('ASCII') || cur.atWord('UNICODE')) && (type.kind === 'char' || type.kind === 'varchar' || type.kind === 'text')) {
      // Shorthands of CHARACTER SET latin1 and CHARACTER SET ucs2 (https://dev.mysql.com/doc/refman/8.0/en/string-type-syntax.html).
      charset = cur.next().upper === 'ASCII' ? 'latin1' : 'ucs2';
    } else if (cur.atWord('BYTE') && (type.kind === 'char' || type.kind === 'varchar') && charset === null && collate === null) {
      // CHAR(n) BYTE is BINARY(n) (and VARCHAR(n) BYTE VARBINARY(n)) on MySQL and MariaDB.
      cur.next();
      type = type.kind === 'char' ? { kind: 'binary', length: type.length } : { kind: 'varbinary', length: type.length };
    } else if (cur.atWord('BINARY') || cur.atWord('ASCII') || cur.atWord('UNICODE') || cur.atWord('BYTE')) {
      unsupported(t, `the ${t.text.toUpperCase()} attribute (write CHARACTER SET / COLLATE)`);
    } else {
      cur.fail(`unexpected ${describeToken(t)} in the definition of column ${name}`);
    }
  }
  if (primaryKey || typeRead.serial) nullable = false;
  if (binaryAttribute) {
    // An explicit COLLATE wins over BINARY (the server takes the last of the two; a dump writes COLLATE only).
    const cs = charset ?? (collate !== null ? null : tableCharset());
    if (collate === null) {
      if (cs === null) {
        throw new ImportError('E_IMPORT_UNSUPPORTED', `the BINARY attribute of column ${name} means the _bin collation of its character set, `
          + 'which this file does not give: write CHARACTER SET x COLLATE x_bin', binaryAttribute.start);
      }
      collate = binCollation(cs);
    }
  }
  const column: Column = {
    kind: 'column', name, type, nullable: nullable ?? true, default: def, autoIncrement, onUpdateNow, comment,
    charset, collate, generated, ...(invisible ? { invisible: true as const } : {}),
    ...(compressed ? { compressed: true as const } : {}), pos: ctx.pos(nameToken.start),
  };
  return { column, primaryKey, unique, checks, references };
}

/** The binary collation of a character set: `utf8mb4_bin`; `binary` for the binary set. */
function binCollation(charset: string): string {
  const cs = canonicalCharset(charset);
  return cs === 'binary' ? 'binary' : `${cs}_bin`;
}

/** A character set or collation name: a word, a quoted name or a string. */
function charsetName(cur: Cursor, what: string): string {
  cur.acceptOp('=');
  return cur.optionWord(what).toLowerCase();
}

/**
 * DEFAULT's value in the IR form: NULL, numbers (TRUE/FALSE are 1/0; `- 20` is -20), strings
 * (with an introducer or a DATE/TIME/TIMESTAMP prefix), CURRENT_TIMESTAMP and other function
 * calls, or `(expr)`. A parenthesised literal is a literal on MariaDB, which stores it as one.
 */
export function readDefaultValue(ctx: ReadContext, cur: Cursor, column: string, type: ColumnType | null = null): DefaultValue {
  const t = cur.next('a default value');
  const what = `default of column ${column}`;
  // On a BIT column a bit or hexadecimal literal is its number: b'101', 0b101, x'05', 0x05.
  if (type?.kind === 'bit') {
    const next = cur.peek();
    const quoted = t.kind === 'word' && /^[bx]$/i.test(t.text) && next?.kind === 'string' && !next.spaced ? next : null;
    const prefixed = t.kind === 'number' && /^0[xb]/i.test(t.text);
    const text = quoted ? quoted.value : prefixed ? t.text.slice(2) : null;
    const radix = quoted ? t.upper : prefixed ? t.text[1].toUpperCase() : '';
    if (text !== null && (radix === 'B' ? /^[01]*$/ : /^[0-9a-f]*$/i).test(text)) {
      if (quoted) cur.next();
      return { kind: 'number', value: BigInt((radix === 'B' ? '0b0' : '0x0') + text).toString() };
    }
  }
  if (t.kind === 'op' && t.text === '(') {
    // Back up: group() wants to see the "(".
    const inner = groupFrom(cur, t);
    const literal = keepsParenthesisedLiteralDefault(ctx.server) ? literalOf(inner) : null;
    if (literal) return literal;
    return { kind: 'expr', sql: ctx.expression(inner, 'default', what, t) };
  }
  if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
    const n = cur.next('a number');
    if (n.kind !== 'number') cur.fail(`expected a number after "${t.text}" in the ${what}`, n);
    return { kind: 'number', value: (t.text === '-' ? '-' : '') + n.text };
  }
  if (t.kind === 'number') {
    if (/^0[xb]/i.test(t.text)) throw new ImportError('E_IMPORT_UNSUPPORTED', `a ${t.text.startsWith('0x') || t.text.startsWith('0X') ? 'hexadecimal' : 'bit'} literal default is not in the schema IR (column ${column})`, t.start);
    return { kind: 'number', value: t.text };
  }
  if (t.kind === 'string') {
    let value = t.value;
    while (cur.peek()?.kind === 'string') value += cur.next().value;
    return { kind: 'string', value };
  }
  if (t.kind !== 'word') return cur.fail(`expected a default value but found ${describeToken(t)}`, t);
  const next = cur.peek();
  // X'0A', B'01', _utf8mb4'x', N'x', DATE '2024-01-01'
  if (next && next.kind === 'string') {
    if (/^[xb]$/i.test(t.text) && !next.spaced) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `a ${t.upper === 'X' ? 'hexadecimal' : 'bit'} literal default is not in the schema IR (column ${column})`, t.start);
    }
    if ((/^_\w+$/.test(t.text) || t.upper === 'N') && !next.spaced) return { kind: 'string', value: cur.string('a string') };
    if (t.upper === 'DATE' || t.upper === 'TIME' || t.upper === 'TIMESTAMP') return { kind: 'string', value: cur.string('a string') };
  }
  if (t.upper === 'NULL') return { kind: 'null' };
  if (t.upper === 'TRUE' || t.upper === 'FALSE') return { kind: 'number', value: t.upper === 'TRUE' ? '1' : '0' };
  if (next && next.kind === 'op' && next.text === '(') {
    cur.next();
    const inner = groupFrom(cur, next);
    const call = [t, next, ...inner];
    const close = cur.tokens[cur.index - 1];
    return { kind: 'expr', sql: ctx.expression([...call, close], 'default', what, t) };
  }
  if (NILADIC.has(t.upper)) return { kind: 'expr', sql: t.text };
  return cur.fail(`expected a default value but found ${describeToken(t)}`, t);
}

/** The tokens inside a group whose "(" (`open`) was just consumed; consumes the ")". */
function groupFrom(cur: Cursor, open: Token): Token[] {
  const inner: Token[] = [];
  let depth = 1;
  for (;;) {
    const t = cur.peek();
    if (!t) throw new ImportError('E_IMPORT_SYNTAX', 'unbalanced parentheses: no ")" closes this "("', open.start);
    cur.next();
    if (t.kind === 'op' && t.text === '(') depth++;
    else if (t.kind === 'op' && t.text === ')' && --depth === 0) return inner;
    inner.push(t);
  }
}

/** `'x'`, `1.5`, `-1`, `NULL`: a literal on its own, as MariaDB stores `DEFAULT ('x')`. */
function literalOf(inner: readonly Token[]): DefaultValue | null {
  if (inner.length === 1) {
    const [t] = inner;
    if (t.kind === 'string') return { kind: 'string', value: t.value };
    if (t.kind === 'number' && !/^0[xb]/i.test(t.text)) return { kind: 'number', value: t.text };
    if (t.kind === 'word' && t.upper === 'NULL') return { kind: 'null' };
  }
  if (inner.length === 2 && inner[0].kind === 'op' && (inner[0].text === '-' || inner[0].text === '+') && inner[1].kind === 'number'
    && !/^0[xb]/i.test(inner[1].text)) {
    return { kind: 'number', value: (inner[0].text === '-' ? '-' : '') + inner[1].text };
  }
  return null;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  RESTRICT: 'RESTRICT', CASCADE: 'CASCADE', 'SET NULL': 'SET NULL', 'NO ACTION': 'NO ACTION', 'SET DEFAULT': 'SET DEFAULT',
};

/** `t (cols) [MATCH ...] [ON DELETE action] [ON UPDATE action]`, after REFERENCES. */
export function readReference(cur: Cursor): ReferenceSpec {
  const { name: table } = cur.qualifiedName('the referenced table');
  const { inner } = cur.group('"(" and the referenced columns');
  const columns = identifierList(cur, inner);
  let onDelete: ReferentialAction = 'NO ACTION';
  let onUpdate: ReferentialAction = 'NO ACTION';
  for (;;) {
    if (cur.acceptWord('MATCH')) {
      cur.next('FULL, PARTIAL or SIMPLE');
      continue;
    }
    if (!cur.acceptWord('ON')) break;
    const which = cur.next('DELETE or UPDATE');
    if (which.upper !== 'DELETE' && which.upper !== 'UPDATE') cur.fail(`expected DELETE or UPDATE but found ${describeToken(which)}`, which);
    const a = cur.next('a referential action');
    let key = a.upper;
    if (key === 'SET' || key === 'NO') key += ' ' + cur.next('a referential action').upper;
    const action = ACTIONS[key];
    if (!action) cur.fail(`expected RESTRICT, CASCADE, SET NULL, NO ACTION or SET DEFAULT but found ${describeToken(a)}`, a);
    if (which.upper === 'DELETE') onDelete = action;
    else onUpdate = action;
  }
  return { table, columns, onDelete, onUpdate };
}

/** `a, b, c` inside parentheses. */
export function identifierList(outer: Cursor, inner: readonly Token[]): string[] {
  const names: string[] = [];
  const c = new Cursor(inner, 0, inner.length, outer.offset());
  for (;;) {
    names.push(c.identifier('a column name'));
    if (c.atEnd()) return names;
    c.expectOp(',');
  }
}
