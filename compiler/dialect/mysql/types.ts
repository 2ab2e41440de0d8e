import { GEOMETRY_SHAPES, type BlobSize, type ColumnType, type ColumnTypeKind, type GeometryShape, type IntSize, type TextSize } from '../../ir/types.js';
import { literal } from './quote.js';

/*
 * What schemac knows about each column type, in one table: how it is written, what it holds,
 * how many bytes it takes in a key, what it widens to. The table is a mapped type over every
 * ColumnType kind, so a new kind does not compile until each fact about it is written down
 * (instead of being silently "not textual, 0 bytes, narrowing" in a switch's default).
 * Sizes: https://dev.mysql.com/doc/refman/8.0/en/storage-requirements.html ,
 * https://mariadb.com/kb/en/data-type-storage-requirements/
 */

type Of<K extends ColumnTypeKind> = Extract<ColumnType, { readonly kind: K }>;

/** The facts about one kind of column type. */
export interface TypeFacts<K extends ColumnTypeKind> {
  /** As written in DDL: `VARCHAR(64)`, `INT UNSIGNED`, `ENUM('a', 'b')`. */
  readonly sql: (t: Of<K>) => string;
  /** As shown in messages: `varchar(64)`, `int unsigned`, `enum('a','b')`. */
  readonly text: (t: Of<K>) => string;
  /** Holds characters, so it has a character set and a collation. */
  readonly textual: boolean;
  /** Literal defaults are numbers. */
  readonly numeric: boolean;
  /** Takes UNSIGNED (the type has an `unsigned` flag). */
  readonly signable: boolean;
  /** TEXT, BLOB, JSON: MySQL takes only expression defaults, and an index needs a prefix length. */
  readonly lob: boolean;
  /**
   * The longest prefix an index may take of it (characters, or bytes for binary types), or null
   * when it takes none: strings have one, TEXT and BLOB without a limit of their own.
   */
  readonly prefix: (t: Of<K>) => number | null;
  /** Bytes a key part on it takes, given the bytes per character of its set and a prefix length. */
  readonly keyBytes: (t: Of<K>, mbMaxLen: number, prefix: number | undefined) => number;
  /**
   * What a foreign key column and the column it references must share (InnoDB): types with
   * the same family can be joined by a key. Null: it cannot be in a foreign key.
   */
  readonly family: (t: Of<K>) => string | null;
  /** Whether every value of `t` fits `to` unchanged (anything not known to be a widening is not). */
  readonly widensTo: (t: Of<K>, to: ColumnType) => boolean;
  /** The names the server reports the kind by (information_schema COLUMN_TYPE, lower case). */
  readonly names: readonly string[];
  /** The type the server reports as `r`, or null when `r` is not one of this kind. */
  readonly read: (r: ReportedType) => Of<K> | null;
}

/** A column type as the server reports it: `int(11) unsigned` → int, [11], unsigned. */
export interface ReportedType {
  readonly name: string;
  readonly numbers: readonly number[];
  /** The members of an ENUM or SET. */
  readonly values: readonly string[] | null;
  readonly unsigned: boolean;
  /** ZEROFILL was reported (it implies UNSIGNED). */
  readonly zerofill?: boolean;
}

const INT_BYTES: Readonly<Record<IntSize, number>> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, bigint: 8 };
const INT_RANK: Readonly<Record<IntSize, number>> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, bigint: 5 };
/**
 * The display width the server gives an integer column with ZEROFILL and no width: the digits of
 * its largest unsigned value (INT ZEROFILL is INT(10) UNSIGNED ZEROFILL on both servers).
 */
export function zerofillWidth(size: IntSize): number {
  return INT_DIGITS[size];
}

/** Decimal digits of the largest value of each integer size. */
const INT_DIGITS: Readonly<Record<IntSize, number>> = { tinyint: 3, smallint: 5, mediumint: 8, int: 10, bigint: 20 };

/** Bytes a TEXT or BLOB of each size holds (LONGTEXT/LONGBLOB: 4 GiB - 1). */
export const LOB_BYTES: Readonly<Record<TextSize | BlobSize, number>> = {
  tinytext: 255, text: 65535, mediumtext: 16777215, longtext: 4294967295,
  tinyblob: 255, blob: 65535, mediumblob: 16777215, longblob: 4294967295,
};
const LOB_RANK: Readonly<Record<TextSize | BlobSize, number>> = {
  tinytext: 1, text: 2, mediumtext: 3, longtext: 4, tinyblob: 1, blob: 2, mediumblob: 3, longblob: 4,
};

/** The signed range of each integer size; unsigned is [0, 2 * max + 1]. */
export const INT_LIMITS: Readonly<Record<IntSize, { readonly min: bigint; readonly max: bigint }>> = {
  tinyint: { min: -128n, max: 127n }, smallint: { min: -32768n, max: 32767n }, mediumint: { min: -8388608n, max: 8388607n },
  int: { min: -2147483648n, max: 2147483647n }, bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

const unsignedSql = (t: { readonly unsigned: boolean }) => (t.unsigned ? ' UNSIGNED' : '');
const unsignedText = (t: { readonly unsigned: boolean }) => (t.unsigned ? ' unsigned' : '');
/** A signed target takes what an unsigned source holds only when it is wider; an unsigned target, only unsigned sources. */
const signFits = (from: { readonly unsigned: boolean }, to: { readonly unsigned: boolean }) => !to.unsigned || from.unsigned;
/** `TIME`, `TIME(3)`: fractional seconds only when there are some. */
const withFsp = (name: string) => (t: { readonly fsp: number }) => (t.fsp ? `${name}(${t.fsp})` : name);
const values = (t: { readonly values: readonly string[] }) => t.values.slice(0, 4).map((v) => `'${v}'`).join(',') + (t.values.length > 4 ? ',…' : '');

const INT_SIZES = Object.keys(INT_BYTES) as IntSize[];

const TEXT_SIZES: readonly TextSize[] = ['tinytext', 'text', 'mediumtext', 'longtext'];
const BLOB_SIZES: readonly BlobSize[] = ['tinyblob', 'blob', 'mediumblob', 'longblob'];
/** A length argument: exactly one whole number. */
const lengthOf = (r: ReportedType): number | null => (r.numbers.length === 1 && Number.isInteger(r.numbers[0]) ? r.numbers[0] : null);
const fspOf = (r: ReportedType): number => r.numbers[0] ?? 0;
const withLength = <K extends 'char' | 'varchar' | 'binary' | 'varbinary'>(kind: K) => (r: ReportedType): Of<K> | null => {
  const length = lengthOf(r);
  return length === null ? null : ({ kind, length } as Of<K>);
};

/** A string column that holds any ASCII text of `chars` characters (TEXT types hold at least 255 bytes). */
const holdsText = (to: ColumnType, chars: number): boolean =>
  ((to.kind === 'char' || to.kind === 'varchar') && to.length >= chars) || to.kind === 'text';

/** Facts shared by the kinds without a length, a set or a sign. */
const plain = { textual: false, numeric: false, signable: false, lob: false, prefix: () => null } as const;

export const TYPE_FACTS: { readonly [K in ColumnTypeKind]: TypeFacts<K> } = {
  int: {
    ...plain, numeric: true, signable: true,
    sql: (t) => t.size.toUpperCase() + (t.zerofill ? `(${t.zerofill})` : '') + unsignedSql(t) + (t.zerofill ? ' ZEROFILL' : ''),
    text: (t) => t.size + (t.zerofill ? `(${t.zerofill})` : '') + unsignedText(t) + (t.zerofill ? ' zerofill' : ''),
    keyBytes: (t) => INT_BYTES[t.size],
    family: (t) => `int:${t.size}:${t.unsigned}`,
    widensTo: (t, to) => {
      if (to.kind === 'int') {
        if (t.unsigned === to.unsigned) return INT_RANK[to.size] >= INT_RANK[t.size];
        return t.unsigned && !to.unsigned && INT_RANK[to.size] > INT_RANK[t.size];
      }
      return to.kind === 'decimal' && to.precision - to.scale >= INT_DIGITS[t.size] && signFits(t, to);
    },
    names: INT_SIZES,
    // A display width is kept with ZEROFILL only (the server's default width when none is shown).
    read: (r) => (r.name === 'tinyint' && r.numbers[0] === 1 && r.numbers.length === 1 && !r.unsigned ? null
      : { kind: 'int', size: r.name as IntSize, unsigned: r.unsigned || r.zerofill === true,
        ...(r.zerofill ? { zerofill: r.numbers[0] ?? zerofillWidth(r.name as IntSize) } : {}) }),
  },
  decimal: {
    ...plain, numeric: true, signable: true,
    sql: (t) => `DECIMAL(${t.precision}, ${t.scale})` + unsignedSql(t),
    text: (t) => `decimal(${t.precision},${t.scale})` + unsignedText(t),
    keyBytes: (t) => Math.ceil(t.precision / 2) + 1,
    family: (t) => `decimal:${t.precision}:${t.scale}:${t.unsigned}`,
    widensTo: (t, to) => to.kind === 'decimal' && to.scale >= t.scale && to.precision - to.scale >= t.precision - t.scale && signFits(t, to),
    names: ['decimal', 'numeric'],
    read: (r) => ({ kind: 'decimal', precision: r.numbers[0] ?? 10, scale: r.numbers[1] ?? 0, unsigned: r.unsigned }),
  },
  float: {
    ...plain, numeric: true, signable: true,
    sql: (t) => 'FLOAT' + unsignedSql(t),
    text: (t) => 'float' + unsignedText(t),
    keyBytes: () => 4,
    family: (t) => `float:${t.unsigned}`,
    widensTo: (t, to) => (to.kind === 'float' || to.kind === 'double') && signFits(t, to),
    names: ['float'],
    read: (r) => ({ kind: 'float', unsigned: r.unsigned }),
  },
  double: {
    ...plain, numeric: true, signable: true,
    sql: (t) => 'DOUBLE' + unsignedSql(t),
    text: (t) => 'double' + unsignedText(t),
    keyBytes: () => 8,
    family: (t) => `double:${t.unsigned}`,
    widensTo: (t, to) => to.kind === 'double' && signFits(t, to),
    names: ['double', 'real'],
    read: (r) => ({ kind: 'double', unsigned: r.unsigned }),
  },
  boolean: {
    ...plain, numeric: true,
    sql: () => 'TINYINT(1)',
    text: () => 'boolean',
    keyBytes: () => 1,
    family: () => 'int:tinyint:false',
    widensTo: (_t, to) => to.kind === 'int',
    names: ['tinyint'],
    read: (r) => (r.numbers.length === 1 && r.numbers[0] === 1 && !r.unsigned ? { kind: 'boolean' } : null),
  },
  char: {
    ...plain, textual: true,
    sql: (t) => `CHAR(${t.length})`,
    text: (t) => `char(${t.length})`,
    prefix: (t) => t.length,
    keyBytes: (t, mb, prefix) => (prefix ?? t.length) * mb,
    family: () => 'char',
    // TINYTEXT holds 255 bytes: enough for CHAR(n) only while n characters of 4 bytes fit.
    widensTo: (t, to) => ((to.kind === 'char' || to.kind === 'varchar') && to.length >= t.length)
      || (to.kind === 'text' && (to.size !== 'tinytext' || t.length * 4 <= 255)),
    names: ['char'],
    read: withLength('char'),
  },
  varchar: {
    ...plain, textual: true,
    sql: (t) => `VARCHAR(${t.length})`,
    text: (t) => `varchar(${t.length})`,
    prefix: (t) => t.length,
    keyBytes: (t, mb, prefix) => (prefix ?? t.length) * mb,
    family: () => 'char',
    widensTo: (t, to) => (to.kind === 'varchar' && to.length >= t.length)
      || (to.kind === 'text' && to.size !== 'tinytext' && (to.size !== 'text' || t.length <= 16383)),
    names: ['varchar'],
    read: withLength('varchar'),
  },
  text: {
    ...plain, textual: true, lob: true,
    sql: (t) => t.size.toUpperCase(),
    text: (t) => t.size,
    prefix: () => Infinity,
    keyBytes: (_t, mb, prefix) => (prefix ?? 0) * mb,
    family: () => null,
    widensTo: (t, to) => to.kind === 'text' && LOB_RANK[to.size] >= LOB_RANK[t.size],
    names: TEXT_SIZES,
    read: (r) => ({ kind: 'text', size: r.name as TextSize }),
  },
  binary: {
    ...plain,
    sql: (t) => `BINARY(${t.length})`,
    text: (t) => `binary(${t.length})`,
    prefix: (t) => t.length,
    keyBytes: (t, _mb, prefix) => prefix ?? t.length,
    family: () => 'binary',
    widensTo: (t, to) => ((to.kind === 'binary' || to.kind === 'varbinary') && to.length >= t.length) || to.kind === 'blob',
    names: ['binary'],
    read: withLength('binary'),
  },
  varbinary: {
    ...plain,
    sql: (t) => `VARBINARY(${t.length})`,
    text: (t) => `varbinary(${t.length})`,
    prefix: (t) => t.length,
    keyBytes: (t, _mb, prefix) => prefix ?? t.length,
    family: () => 'binary',
    widensTo: (t, to) => (to.kind === 'varbinary' && to.length >= t.length)
      || (to.kind === 'blob' && to.size !== 'tinyblob' && (to.size !== 'blob' || t.length <= 65535)),
    names: ['varbinary'],
    read: withLength('varbinary'),
  },
  blob: {
    ...plain, lob: true,
    sql: (t) => t.size.toUpperCase(),
    text: (t) => t.size,
    prefix: () => Infinity,
    keyBytes: (_t, _mb, prefix) => prefix ?? 0,
    family: () => null,
    widensTo: (t, to) => to.kind === 'blob' && LOB_RANK[to.size] >= LOB_RANK[t.size],
    names: BLOB_SIZES,
    read: (r) => ({ kind: 'blob', size: r.name as BlobSize }),
  },
  date: {
    ...plain,
    sql: () => 'DATE',
    text: () => 'date',
    keyBytes: () => 3,
    family: () => 'date',
    widensTo: (_t, to) => to.kind === 'datetime',
    names: ['date'],
    read: () => ({ kind: 'date' }),
  },
  time: {
    ...plain,
    sql: withFsp('TIME'),
    text: withFsp('time'),
    keyBytes: (t) => 3 + Math.ceil(t.fsp / 2),
    family: () => 'time',
    widensTo: (t, to) => to.kind === 'time' && to.fsp >= t.fsp,
    names: ['time'],
    read: (r) => ({ kind: 'time', fsp: fspOf(r) }),
  },
  datetime: {
    ...plain,
    sql: withFsp('DATETIME'),
    text: withFsp('datetime'),
    keyBytes: (t) => 5 + Math.ceil(t.fsp / 2),
    family: () => 'datetime',
    widensTo: (t, to) => to.kind === 'datetime' && to.fsp >= t.fsp,
    names: ['datetime'],
    read: (r) => ({ kind: 'datetime', fsp: fspOf(r) }),
  },
  timestamp: {
    ...plain,
    sql: withFsp('TIMESTAMP'),
    text: withFsp('timestamp'),
    keyBytes: (t) => 4 + Math.ceil(t.fsp / 2),
    family: () => 'timestamp',
    widensTo: (t, to) => (to.kind === 'timestamp' || to.kind === 'datetime') && to.fsp >= t.fsp,
    names: ['timestamp'],
    read: (r) => ({ kind: 'timestamp', fsp: fspOf(r) }),
  },
  year: {
    ...plain, numeric: true,
    sql: () => 'YEAR',
    text: () => 'year',
    keyBytes: () => 1,
    family: () => 'year',
    widensTo: (_t, to) => to.kind === 'int' && INT_RANK[to.size] >= 2,
    names: ['year'],
    read: () => ({ kind: 'year' }),
  },
  json: {
    ...plain, lob: true,
    sql: () => 'JSON',
    text: () => 'json',
    keyBytes: () => 0,
    family: () => null,
    widensTo: (_t, to) => to.kind === 'text' && to.size === 'longtext',
    names: ['json'],
    read: () => ({ kind: 'json' }),
  },
  enum: {
    ...plain, textual: true,
    sql: (t) => `ENUM(${t.values.map(literal).join(', ')})`,
    text: (t) => `enum(${values(t)})`,
    keyBytes: (t) => (t.values.length > 255 ? 2 : 1),
    family: (t) => `enum:${t.values.join('\u0000')}`,
    // Members added at the end keep every stored value (and its number).
    widensTo: (t, to) => to.kind === 'enum' && t.values.every((v, i) => to.values[i] === v),
    names: ['enum'],
    read: (r) => (r.values ? { kind: 'enum', values: r.values } : null),
  },
  set: {
    ...plain, textual: true,
    sql: (t) => `SET(${t.values.map(literal).join(', ')})`,
    text: (t) => `set(${values(t)})`,
    keyBytes: (t) => Math.ceil(t.values.length / 8),
    family: (t) => `set:${t.values.join('\u0000')}`,
    widensTo: (t, to) => to.kind === 'set' && t.values.every((v, i) => to.values[i] === v),
    names: ['set'],
    read: (r) => (r.values ? { kind: 'set', values: r.values } : null),
  },
  bit: {
    // Literal defaults are numbers (b'101' is 5); the server shows them as b'...'.
    ...plain, numeric: true,
    sql: (t) => `BIT(${t.length})`,
    text: (t) => `bit(${t.length})`,
    keyBytes: (t) => Math.ceil(t.length / 8),
    family: (t) => `bit:${t.length}`,
    widensTo: (t, to) => to.kind === 'bit' && to.length >= t.length,
    names: ['bit'],
    read: (r) => {
      const length = r.numbers.length === 0 ? 1 : lengthOf(r);
      return length === null || length < 1 || length > 64 ? null : { kind: 'bit', length };
    },
  },
  // MariaDB's own types (https://mariadb.com/kb/en/uuid-data-type/, /inet6/, /inet4/): 16, 16 and
  // 4 bytes; a literal default is their text, which the server keeps in one spelling (canonicalAddress).
  // Each converts to its text in a string column long enough for its longest spelling (36, 39
  // and 15 characters); INET4 to INET6 is refused by MariaDB 10.11 (4078 [T]).
  uuid: {
    ...plain,
    sql: () => 'UUID', text: () => 'uuid', keyBytes: () => 16, family: () => 'uuid',
    widensTo: (_t, to) => holdsText(to, 36), names: ['uuid'], read: (r) => (r.numbers.length ? null : { kind: 'uuid' }),
  },
  inet6: {
    ...plain,
    sql: () => 'INET6', text: () => 'inet6', keyBytes: () => 16, family: () => 'inet6',
    widensTo: (_t, to) => holdsText(to, 39), names: ['inet6'], read: (r) => (r.numbers.length ? null : { kind: 'inet6' }),
  },
  inet4: {
    ...plain,
    sql: () => 'INET4', text: () => 'inet4', keyBytes: () => 4, family: () => 'inet4',
    widensTo: (_t, to) => holdsText(to, 15), names: ['inet4'], read: (r) => (r.numbers.length ? null : { kind: 'inet4' }),
  },
  geometry: {
    // https://dev.mysql.com/doc/refman/8.0/en/spatial-type-overview.html ; a key on it is a SPATIAL index.
    ...plain,
    sql: (t) => t.shape.toUpperCase(),
    text: (t) => t.shape + (t.srid === null ? '' : ` srid ${t.srid}`),
    keyBytes: () => 0,
    family: () => null,
    // GEOMETRY holds every shape; an SRID restricts which values fit (none: any).
    widensTo: (t, to) => to.kind === 'geometry' && (to.shape === t.shape || to.shape === 'geometry')
      && (to.srid === null || to.srid === t.srid),
    // GEOMCOLLECTION: MySQL 8's other name of GEOMETRYCOLLECTION, which its information_schema reports.
    names: [...GEOMETRY_SHAPES, 'geomcollection'],
    read: (r) => (r.numbers.length ? null
      : { kind: 'geometry', shape: r.name === 'geomcollection' ? 'geometrycollection' : r.name as GeometryShape, srid: null }),
  },
};

/**
 * A UUID / INET6 / INET4 value in the spelling MariaDB stores and shows it (tested on 10.11): a
 * UUID in lower case with its dashes; an IPv4 address without leading zeros; an IPv6 address in
 * lower case with the longest run of zero groups (the first of equal ones, even a single group)
 * as `::`, and `a.b.c.d` for the last 32 bits of `::a.b.c.d` and `::ffff:a.b.c.d`. Null when the
 * text is not such a value.
 */
export function canonicalAddress(kind: 'uuid' | 'inet6' | 'inet4', text: string): string | null {
  if (kind === 'uuid') {
    const hex = text.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex) || !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(text)) return null;
    const h = hex.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  if (kind === 'inet4') {
    const v4 = ipv4(text);
    return v4 === null ? null : v4.join('.');
  }
  const words = ipv6(text);
  if (words === null) return null;
  let best = { base: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.len) best = { base: i, len: j - i };
    i = j;
  }
  const tail = best.base === 0 && (best.len === 6 || (best.len === 5 && words[5] === 0xffff))
    ? `${words[6] >> 8}.${words[6] & 255}.${words[7] >> 8}.${words[7] & 255}` : null;
  const groups = (from: number, to: number) => words.slice(from, to).map((w) => w.toString(16)).join(':');
  const end = tail === null ? 8 : 6;
  if (best.len === 0) return groups(0, 8);
  const left = groups(0, best.base);
  const right = best.base + best.len >= end ? '' : groups(best.base + best.len, end);
  return `${left}::${right}${tail === null ? '' : (right ? ':' : '') + tail}`;
}

function ipv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address's text (`::ffff:1.2.3.4` too), or null. */
function ipv6(text: string): number[] | null {
  let body = text.toLowerCase();
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.slice(lastColon + 1).includes('.')) {
    const v4 = ipv4(body.slice(lastColon + 1));
    if (v4 === null) return null;
    body = `${body.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const group = (s: string) => (s === '' ? [] : s.split(':'));
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const fixed = head.length + rest.length;
  if (halves.length === 1 ? fixed !== 8 : fixed > 7) return null;
  return [...head, ...Array<string>(8 - fixed).fill('0'), ...rest].map((g) => parseInt(g, 16));
}

/** The facts of a type's kind, typed for that type. */
function facts<T extends ColumnType>(t: T): TypeFacts<T['kind']> {
  return TYPE_FACTS[t.kind] as unknown as TypeFacts<T['kind']>;
}

/** The column type as written in DDL. */
export const typeSql = (t: ColumnType): string => facts(t).sql(t as never);
/** The column type as written in DDL with what restricts its values: `POINT SRID 4326` (MySQL's spelling), for labels. */
export const typeLabel = (t: ColumnType): string => typeSql(t) + (t.kind === 'geometry' && t.srid !== null ? ` SRID ${t.srid}` : '');
/** The column type as shown in messages. */
export const typeText = (t: ColumnType): string => facts(t).text(t as never);
/** Types that carry a character set. */
export const isTextual = (t: ColumnType): boolean => facts(t).textual;
export const isNumeric = (t: ColumnType): boolean => facts(t).numeric;
/** Whether the type takes UNSIGNED. */
export const isSignable = (t: ColumnType): boolean => facts(t).signable;
/** TEXT, BLOB, JSON. */
export const isLob = (t: ColumnType): boolean => facts(t).lob;
/** The longest index prefix on the type (Infinity for TEXT/BLOB), or null when it takes none. */
export const prefixLimit = (t: ColumnType): number | null => facts(t).prefix(t as never);
export const keyBytes = (t: ColumnType, mbMaxLen: number, prefix: number | undefined): number => facts(t).keyBytes(t as never, mbMaxLen, prefix);
/** What a foreign key and its referenced column must share; null when the type cannot be in one. */
export const keyFamily = (t: ColumnType): string | null => facts(t).family(t as never);
/** True when every value of `from` fits `to` unchanged (the same data counts, see isWidening). */
export const widensTo = (from: ColumnType, to: ColumnType): boolean => facts(from).widensTo(from as never, to);

/** The kinds that may report each name (boolean before int: `tinyint(1)` is a boolean). */
const KINDS_BY_NAME: ReadonlyMap<string, readonly ColumnTypeKind[]> = (() => {
  const out = new Map<string, ColumnTypeKind[]>();
  const kinds = (Object.keys(TYPE_FACTS) as ColumnTypeKind[]).sort((a, b) => Number(b === 'boolean') - Number(a === 'boolean'));
  for (const kind of kinds) for (const name of TYPE_FACTS[kind].names) out.set(name, [...(out.get(name) ?? []), kind]);
  return out;
})();

/** The type the server reports as `r`, or null when schemac has no kind for it (BIT, POINT, INET6, ...). */
export function readReportedType(r: ReportedType): ColumnType | null {
  for (const kind of KINDS_BY_NAME.get(r.name) ?? []) {
    const t = (TYPE_FACTS[kind] as unknown as TypeFacts<ColumnTypeKind>).read(r);
    if (t) return t;
  }
  return null;
}

/** Whether the server's type name is one schemac has a kind for (its arguments may still not fit). */
export function isKnownTypeName(name: string): boolean {
  return KINDS_BY_NAME.has(name);
}

/** Bytes per character of a character set (unknown or unset: 4, the utf8mb4 worst case MySQL 8 defaults to). */
export function charsetMaxBytes(charset: string | null): number {
  if (charset === null) return 4;
  const c = charset.toLowerCase();
  if (c === 'utf8mb4' || c === 'utf16' || c === 'utf16le' || c === 'utf32' || c === 'gb18030') return 4;
  if (c === 'utf8mb3' || c === 'utf8' || c === 'eucjpms' || c === 'ujis') return 3;
  if (c === 'ucs2' || c === 'big5' || c === 'sjis' || c === 'cp932' || c === 'gbk' || c === 'gb2312' || c === 'euckr') return 2;
  return 1;
}
