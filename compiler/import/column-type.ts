import type { ColumnType, GeometryShape, IntSize } from '../ir/types.js';
import { Cursor, ImportError, describeToken } from './cursor.js';
import { zerofillWidth } from '../dialect/mysql/types.js';
import type { Token } from '../dialect/mysql/lexer.js';

/** A column type as read, with what the type keyword itself implies. */
export interface TypeRead {
  readonly type: ColumnType;
  /** `NATIONAL CHAR`, `NCHAR`, `NVARCHAR`: MySQL's "national" character set, utf8mb3. */
  readonly charset: string | null;
  /** `SERIAL` is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE. */
  readonly serial: boolean;
}

const INT_SIZES: Readonly<Record<string, IntSize>> = {
  TINYINT: 'tinyint', INT1: 'tinyint', SMALLINT: 'smallint', INT2: 'smallint', MEDIUMINT: 'mediumint',
  MIDDLEINT: 'mediumint', INT3: 'mediumint', INT: 'int', INTEGER: 'int', INT4: 'int', BIGINT: 'bigint', INT8: 'bigint',
};

const SIZED = {
  TINYTEXT: { kind: 'text', size: 'tinytext' }, TEXT: { kind: 'text', size: 'text' },
  MEDIUMTEXT: { kind: 'text', size: 'mediumtext' }, LONGTEXT: { kind: 'text', size: 'longtext' },
  TINYBLOB: { kind: 'blob', size: 'tinyblob' }, BLOB: { kind: 'blob', size: 'blob' },
  MEDIUMBLOB: { kind: 'blob', size: 'mediumblob' }, LONGBLOB: { kind: 'blob', size: 'longblob' },
} as const satisfies Record<string, ColumnType>;

/** Types MySQL or MariaDB have and the schema IR does not. */
const UNSUPPORTED = new Set(['VECTOR', 'XMLTYPE', 'ROW']);

/** The spatial types by keyword; GEOMCOLLECTION is MySQL 8's other name of GEOMETRYCOLLECTION. */
const SPATIAL: Readonly<Record<string, GeometryShape>> = {
  GEOMETRY: 'geometry', POINT: 'point', LINESTRING: 'linestring', POLYGON: 'polygon', MULTIPOINT: 'multipoint',
  MULTILINESTRING: 'multilinestring', MULTIPOLYGON: 'multipolygon', GEOMETRYCOLLECTION: 'geometrycollection',
  GEOMCOLLECTION: 'geometrycollection',
};

/**
 * Reads a column type the way the DSL maps it (SPEC §2): integer display widths dropped except
 * that TINYINT(1) is `boolean`; BOOL/BOOLEAN `boolean`; SERIAL; DEC/NUMERIC/FIXED `decimal`
 * (default precision 10, scale 0); REAL and DOUBLE PRECISION `double`; FLOAT(p) `double` when
 * p > 24; CHARACTER [VARYING], NATIONAL/NCHAR/NVARCHAR `char`/`varchar` (utf8mb3); LONG
 * [VARCHAR] `mediumtext`; YEAR(4) `year`. A type the IR has no kind for throws E_IMPORT_UNSUPPORTED.
 */
export function readColumnType(cur: Cursor): TypeRead {
  const first = cur.next('a column type');
  if (first.kind !== 'word') cur.fail(`expected a column type but found ${describeToken(first)}`, first);
  const unsupported = (what: string, hint = ''): never => {
    throw new ImportError('E_IMPORT_UNSUPPORTED', `${what} has no schemac column type${hint}`, first.start);
  };
  const plain = (type: ColumnType, charset: string | null = null): TypeRead => ({ type, charset, serial: false });
  let word = first.upper;

  if (word in INT_SIZES) {
    const args = numericArgs(cur, word, 0, 1);
    const { unsigned, zerofill } = signFlags(cur);
    if (INT_SIZES[word] === 'tinyint' && args[0] === 1 && !unsigned) return plain({ kind: 'boolean' });
    // The display width means something only with ZEROFILL (the padding), where it is kept.
    if (zerofill && args[0] !== undefined && (args[0] < 1 || args[0] > 255)) {
      throw new ImportError('E_IMPORT_SYNTAX', `${word}(${args[0]}): a display width is 1 to 255`, first.start);
    }
    return plain({ kind: 'int', size: INT_SIZES[word], unsigned, ...(zerofill ? { zerofill: args[0] ?? zerofillWidth(INT_SIZES[word]) } : {}) });
  }
  switch (word) {
    case 'BOOL': case 'BOOLEAN':
      return plain({ kind: 'boolean' });
    case 'SERIAL':
      return { type: { kind: 'int', size: 'bigint', unsigned: true }, charset: null, serial: true };
    case 'DECIMAL': case 'DEC': case 'NUMERIC': case 'FIXED': {
      const [precision = 10, scale = 0] = numericArgs(cur, word, 0, 2);
      const { unsigned, zerofill } = signFlags(cur);
      if (zerofill) unsupported(`${word} ZEROFILL`, ' (ZEROFILL is deprecated; drop it)');
      if (precision < 1 || precision > 65 || scale > 30 || scale > precision) {
        throw new ImportError('E_IMPORT_SYNTAX', `${word}(${precision}, ${scale}): precision must be 1..65 and scale 0..30, at most the precision`, first.start);
      }
      return plain({ kind: 'decimal', precision, scale, unsigned });
    }
    case 'FLOAT': case 'FLOAT4': case 'FLOAT8': case 'DOUBLE': case 'REAL': {
      if (word === 'DOUBLE') cur.acceptWord('PRECISION');
      const args = numericArgs(cur, word, 0, 2);
      const { unsigned, zerofill } = signFlags(cur);
      if (zerofill) unsupported(`${word} ZEROFILL`, ' (ZEROFILL is deprecated; drop it)');
      if (args.length === 2) unsupported(`${word}(M, D)`, ' (FLOAT(M,D) and DOUBLE(M,D) are deprecated; use DECIMAL or a plain FLOAT/DOUBLE)');
      const double = word === 'DOUBLE' || word === 'REAL' || word === 'FLOAT8' || (args.length === 1 && args[0] > 24);
      if (args.length === 1 && args[0] > 53) throw new ImportError('E_IMPORT_SYNTAX', `FLOAT(${args[0]}): the precision is at most 53`, first.start);
      return plain({ kind: double ? 'double' : 'float', unsigned });
    }
    case 'NATIONAL': {
      const next = cur.next('CHAR or VARCHAR after NATIONAL');
      word = next.upper;
      if (word !== 'CHAR' && word !== 'CHARACTER' && word !== 'VARCHAR' && word !== 'VARCHARACTER') cur.fail(`expected CHAR or VARCHAR after NATIONAL but found ${describeToken(next)}`, next);
      return stringType(cur, word, 'utf8mb3');
    }
    case 'NCHAR': case 'NVARCHAR':
      // NCHAR VARCHAR(n) is one more spelling of NATIONAL VARCHAR (MySQL's "national character set").
      return stringType(cur, word === 'NCHAR' && !cur.acceptWord('VARCHAR') ? 'CHAR' : 'VARCHAR', 'utf8mb3');
    case 'CHAR': case 'CHARACTER': case 'VARCHAR': case 'VARCHARACTER':
      return stringType(cur, word, null);
    case 'BINARY': case 'VARBINARY': {
      const [length] = numericArgs(cur, word, word === 'BINARY' ? 0 : 1, 1);
      return plain(word === 'BINARY' ? { kind: 'binary', length: length ?? 1 } : { kind: 'varbinary', length });
    }
    case 'LONG': {
      if (cur.acceptWord('VARBINARY')) return plain({ kind: 'blob', size: 'mediumblob' });
      cur.acceptWord('VARCHAR') || cur.acceptWord('CHAR', 'VARYING');
      return plain({ kind: 'text', size: 'mediumtext' });
    }
    case 'TINYTEXT': case 'TEXT': case 'MEDIUMTEXT': case 'LONGTEXT':
    case 'TINYBLOB': case 'BLOB': case 'MEDIUMBLOB': case 'LONGBLOB':
      if (cur.atOp('(')) unsupported(`${word}(M)`, ` (the server picks the smallest type for M; write ${word.includes('BLOB') ? 'TINYBLOB/BLOB/MEDIUMBLOB/LONGBLOB' : 'TINYTEXT/TEXT/MEDIUMTEXT/LONGTEXT'})`);
      return plain(SIZED[word]);
    case 'DATE':
      return plain({ kind: 'date' });
    case 'TIME': case 'DATETIME': case 'TIMESTAMP': {
      const [fsp = 0] = numericArgs(cur, word, 0, 1);
      if (fsp > 6) throw new ImportError('E_IMPORT_SYNTAX', `${word}(${fsp}): fractional seconds are 0..6`, first.start);
      const kind = word === 'TIME' ? 'time' : word === 'DATETIME' ? 'datetime' : 'timestamp';
      return plain({ kind, fsp });
    }
    case 'YEAR': {
      const [width] = numericArgs(cur, word, 0, 1);
      if (width !== undefined && width !== 4) unsupported(`YEAR(${width})`, ' (only YEAR(4) exists in MySQL 8 and MariaDB)');
      return plain({ kind: 'year' });
    }
    case 'JSON':
      return plain({ kind: 'json' });
    case 'UUID': case 'INET6': case 'INET4':
      // MariaDB's types; validation refuses them for a MySQL project.
      return plain({ kind: word === 'UUID' ? 'uuid' : word === 'INET6' ? 'inet6' : 'inet4' });
    case 'BIT': {
      const [length = 1] = numericArgs(cur, word, 0, 1);
      if (length < 1 || length > 64) throw new ImportError('E_IMPORT_SYNTAX', `BIT(${length}): a BIT column has 1 to 64 bits`, first.start);
      return plain({ kind: 'bit', length });
    }
    case 'ENUM': case 'SET': {
      const values = valueList(cur, word);
      return plain(word === 'ENUM' ? { kind: 'enum', values } : { kind: 'set', values });
    }
    default:
      if (word in SPATIAL) return plain({ kind: 'geometry', shape: SPATIAL[word], srid: null });
      if (UNSUPPORTED.has(word)) unsupported(`type ${word}`);
      return cur.fail(`unknown column type ${describeToken(first)}`, first);
  }
}

/** CHAR/VARCHAR in all their spellings: `CHARACTER VARYING(n)`, `NATIONAL CHAR(n)`, ... */
function stringType(cur: Cursor, word: string, charset: string | null): TypeRead {
  const varying = word === 'VARCHAR' || word === 'VARCHARACTER' || cur.acceptWord('VARYING');
  const [length] = numericArgs(cur, varying ? 'VARCHAR' : 'CHAR', varying ? 1 : 0, 1);
  return { type: varying ? { kind: 'varchar', length } : { kind: 'char', length: length ?? 1 }, charset, serial: false };
}

/** `(n)` or `(p, s)`: between `min` and `max` integers; none when there are no parentheses. */
function numericArgs(cur: Cursor, word: string, min: number, max: number): number[] {
  if (!cur.atOp('(')) {
    if (min > 0) cur.fail(`${word} needs a length, as ${word}(255)`);
    return [];
  }
  const { open, inner } = cur.group();
  const parts = splitCommas(inner);
  if (parts.length < Math.max(min, 1) || parts.length > max || parts.some((p) => p.length !== 1 || p[0].kind !== 'number' || !/^\d+$/.test(p[0].text))) {
    throw new ImportError('E_IMPORT_SYNTAX', `${word}(...) takes ${max === 1 ? 'one integer' : `up to ${max} integers`}`, open.start);
  }
  return parts.map((p) => Number(p[0].text));
}

function splitCommas(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'op' && t.text === ',') out.push([]);
    else out[out.length - 1].push(t);
  }
  return tokens.length ? out : [];
}

function signFlags(cur: Cursor): { unsigned: boolean; zerofill: boolean } {
  let unsigned = false;
  let zerofill = false;
  for (;;) {
    if (cur.acceptWord('UNSIGNED')) unsigned = true;
    else if (cur.acceptWord('SIGNED')) unsigned = false;
    else if (cur.acceptWord('ZEROFILL')) zerofill = unsigned = true;
    else return { unsigned, zerofill };
  }
}

/** ENUM/SET values: quoted strings separated by commas. */
function valueList(cur: Cursor, word: string): string[] {
  const { open, inner } = cur.group(`"(" and the ${word} values`);
  const values: string[] = [];
  for (const part of splitCommas(inner)) {
    // An introducer (`_utf8mb4'a'`) changes nothing in a value list.
    const toks = part.length === 2 && part[0].kind === 'word' && /^_\w+$|^N$/i.test(part[0].text) ? part.slice(1) : part;
    if (toks.length === 0 || toks.some((t) => t.kind !== 'string')) {
      throw new ImportError('E_IMPORT_SYNTAX', `${word} values must be quoted strings`, (toks[0] ?? open).start);
    }
    values.push(toks.map((t) => t.value).join(''));
  }
  if (values.length === 0) throw new ImportError('E_IMPORT_SYNTAX', `${word} needs at least one value`, open.start);
  return values;
}
