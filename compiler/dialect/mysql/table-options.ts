import type { OtherTableOption, RowFormat, TableOptions } from '../../ir/types.js';
import { literal, word } from './quote.js';

/*
 * The storage options of a table beyond ENGINE, CHARSET, COLLATE and COMMENT: one description
 * each (its SQL name, what it holds, how it is reset), read by the printer, the import, the
 * introspection and the validator, so that the four agree on every option.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table.html#create-table-options ,
 * https://mariadb.com/kb/en/create-table/#table-options
 */

/** The modelled storage options (the optional keys of TableOptions but `other`). */
export type StorageOptionKey =
  | 'autoIncrement' | 'rowFormat' | 'keyBlockSize' | 'statsPersistent' | 'statsAutoRecalc' | 'statsSamplePages'
  | 'maxRows' | 'minRows' | 'pageCompressed' | 'pageCompressionLevel' | 'encrypted';

export interface StorageOptionFact {
  readonly key: StorageOptionKey;
  /** The option's name in SQL (and, lower case, in information_schema.TABLES.CREATE_OPTIONS). */
  readonly sql: string;
  /** `rowFormat`: a ROW_FORMAT word; `count`: a whole number from `min` to `max`; `flag`: 0/1 (ENCRYPTED: YES/NO). */
  readonly value: 'rowFormat' | 'count' | 'flag';
  readonly min?: number;
  readonly max?: number;
  /** What an ALTER writes to take the option back to its default. */
  readonly reset: string;
  /** MariaDB's own options (engine-defined: CREATE_OPTIONS shows them as `` `NAME`='value' ``). */
  readonly mariadbOnly?: boolean;
}

/** In the order CREATE TABLE writes them. */
export const STORAGE_OPTIONS: readonly StorageOptionFact[] = [
  { key: 'autoIncrement', sql: 'AUTO_INCREMENT', value: 'count', min: 0, max: Number.MAX_SAFE_INTEGER, reset: '1' },
  { key: 'rowFormat', sql: 'ROW_FORMAT', value: 'rowFormat', reset: 'DEFAULT' },
  { key: 'keyBlockSize', sql: 'KEY_BLOCK_SIZE', value: 'count', min: 0, max: 65535, reset: '0' },
  { key: 'statsPersistent', sql: 'STATS_PERSISTENT', value: 'flag', reset: 'DEFAULT' },
  { key: 'statsAutoRecalc', sql: 'STATS_AUTO_RECALC', value: 'flag', reset: 'DEFAULT' },
  { key: 'statsSamplePages', sql: 'STATS_SAMPLE_PAGES', value: 'count', min: 1, max: 65535, reset: 'DEFAULT' },
  { key: 'maxRows', sql: 'MAX_ROWS', value: 'count', min: 0, max: Number.MAX_SAFE_INTEGER, reset: '0' },
  { key: 'minRows', sql: 'MIN_ROWS', value: 'count', min: 0, max: Number.MAX_SAFE_INTEGER, reset: '0' },
  { key: 'pageCompressed', sql: 'PAGE_COMPRESSED', value: 'flag', reset: 'DEFAULT', mariadbOnly: true },
  { key: 'pageCompressionLevel', sql: 'PAGE_COMPRESSION_LEVEL', value: 'count', min: 1, max: 9, reset: 'DEFAULT', mariadbOnly: true },
  { key: 'encrypted', sql: 'ENCRYPTED', value: 'flag', reset: 'DEFAULT', mariadbOnly: true },
];

export const STORAGE_OPTION_BY_SQL: ReadonlyMap<string, StorageOptionFact> = new Map(STORAGE_OPTIONS.map((f) => [f.sql, f]));

export const ROW_FORMATS: readonly RowFormat[] = ['DYNAMIC', 'COMPACT', 'REDUNDANT', 'COMPRESSED', 'FIXED', 'PAGE'];

/** The row formats InnoDB has (https://dev.mysql.com/doc/refman/8.0/en/innodb-row-format.html). */
export const INNODB_ROW_FORMATS: readonly RowFormat[] = ['DYNAMIC', 'COMPACT', 'REDUNDANT', 'COMPRESSED'];

/** KEY_BLOCK_SIZE values InnoDB accepts (kilobytes; 0 is the default). */
export const INNODB_KEY_BLOCK_SIZES: readonly number[] = [1, 2, 4, 8, 16];

/**
 * Options written and compared as written (OtherTableOption) whose value the server reads as a
 * string literal: MySQL's `COMPRESSION = 'zlib'` and `ENCRYPTION = 'Y'`. Other values are written bare.
 */
const STRING_VALUED = new Set(['COMPRESSION', 'ENCRYPTION', 'ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE_ATTRIBUTE']);

/**
 * Options that are part of a table's definition elsewhere in the IR or in the statement, never
 * carried as an OtherTableOption.
 */
export const NOT_OTHER_OPTIONS: ReadonlySet<string> = new Set(['ENGINE', 'TYPE', 'CHARSET', 'CHARACTER', 'COLLATE', 'COMMENT',
  'DEFAULT', 'PARTITION', 'PARTITIONS', 'SUBPARTITION', ...STORAGE_OPTIONS.map((f) => f.sql)]);

/**
 * What an unmodelled option's default is, to write when a schema stops declaring it:
 * `= DEFAULT` where the server's grammar has it (PACK_KEYS, MariaDB's engine-defined options),
 * the documented default where it does not (CHECKSUM, DELAY_KEY_WRITE, AVG_ROW_LENGTH take a
 * number; INSERT_METHOD NO; MySQL's COMPRESSION 'None', ENCRYPTION 'N').
 */
const OTHER_RESETS: Readonly<Record<string, string>> = {
  CHECKSUM: '0', TABLE_CHECKSUM: '0', DELAY_KEY_WRITE: '0', AVG_ROW_LENGTH: '0', INSERT_METHOD: 'NO', COMPRESSION: 'None',
  ENCRYPTION: 'N', ENCRYPTION_KEY_ID: 'DEFAULT',
  // Aria's defaults: CREATE_OPTIONS shows transactional=1 and SHOW CREATE TABLE PAGE_CHECKSUM=1 for
  // an Aria table that declares neither (MariaDB 10.11).
  PAGE_CHECKSUM: '1', TRANSACTIONAL: '1',
};

/** The reset value of an unmodelled option (see OTHER_RESETS). */
export function otherOptionReset(name: string): string {
  return OTHER_RESETS[name] ?? 'DEFAULT';
}

/** `NAME = value` for an unmodelled option: both checked as option words (quote.ts `word`). */
export function otherOptionSql(name: string, value: string): string {
  const n = word(name, 'table option');
  const v = word(value, `value of table option ${name}`);
  return `${n} = ${STRING_VALUED.has(n) && !/^\d+$/.test(v) ? literal(v) : v}`;
}

/** A modelled option's value as SQL. */
function storageValueSql(f: StorageOptionFact, value: unknown): string {
  switch (f.value) {
    case 'rowFormat': return word(String(value), 'row format');
    case 'flag': return f.key === 'encrypted' ? (value ? 'YES' : 'NO') : value ? '1' : '0';
    case 'count': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Error(`${f.sql} takes a whole number, not ${String(value)}`);
      return String(value);
    }
  }
}

/** `ROW_FORMAT = COMPRESSED` for a set option; the reset spelling (`ROW_FORMAT = DEFAULT`) for an unset one. */
export function storageOptionSql(f: StorageOptionFact, o: TableOptions): string {
  const value = o[f.key];
  return `${f.sql} = ${value === undefined ? f.reset : storageValueSql(f, value)}`;
}

/** Every storage option that is set, then the unmodelled ones, as CREATE TABLE writes them. */
export function storageOptionsSql(o: TableOptions): string[] {
  return [
    ...STORAGE_OPTIONS.filter((f) => o[f.key] !== undefined).map((f) => storageOptionSql(f, o)),
    ...(o.other ?? []).map((x) => otherOptionSql(x.name, x.value)),
  ];
}

/**
 * The key of an option in a `tableOptions` statement: a StorageOptionKey, or `other:NAME` for an
 * unmodelled one.
 */
export type OptionSettingKey = StorageOptionKey | `other:${string}`;

/** The named options as an ALTER writes them: set in `o`, or reset. */
export function optionSettingsSql(o: TableOptions, keys: readonly OptionSettingKey[]): string[] {
  return keys.map((k) => {
    if (k.startsWith('other:')) {
      const name = k.slice('other:'.length);
      const x = (o.other ?? []).find((y) => y.name === name);
      return otherOptionSql(name, x ? x.value : otherOptionReset(name));
    }
    const f = STORAGE_OPTIONS.find((s) => s.key === k);
    if (!f) throw new Error(`unknown table option key ${k}`);
    return storageOptionSql(f, o);
  });
}

/** The unmodelled options, sorted by name, each name once (the last one written wins, as on the server). */
export function sortOtherOptions(list: readonly OtherTableOption[]): OtherTableOption[] {
  const byName = new Map<string, OtherTableOption>();
  for (const x of list) byName.set(x.name.toUpperCase(), { name: x.name.toUpperCase(), value: x.value });
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * information_schema.TABLES.CREATE_OPTIONS read as `name → value`: space-separated `name=value`
 * entries, the name lower case (`row_format=COMPRESSED`, `stats_persistent=1`) or, for
 * MariaDB's engine-defined options, backtick-quoted with a quoted value (`` `PAGE_COMPRESSED`='1' ``);
 * MySQL writes `ENCRYPTION='Y'` and `partitioned` (no value; 8.0 manual, "The INFORMATION_SCHEMA
 * TABLES Table"). Names come back upper case, values unquoted; entries without a value are flags.
 */
export function parseCreateOptions(text: string): Array<{ readonly name: string; readonly value: string | null }> {
  const out: Array<{ name: string; value: string | null }> = [];
  const entry = /\s*(?:`((?:[^`]|``)+)`|([A-Za-z0-9_]+))(?:=(?:'((?:[^']|'')*)'|"((?:[^"]|"")*)"|(\S*)))?/y;
  let at = 0;
  while (at < text.length) {
    entry.lastIndex = at;
    const m = entry.exec(text);
    if (!m || m[0].length === 0) {
      // Not an entry: skip to the next space (the rest is still read).
      const next = text.indexOf(' ', at + 1);
      at = next < 0 ? text.length : next;
      continue;
    }
    at = entry.lastIndex;
    const name = (m[1]?.replace(/``/g, '`') ?? m[2]).toUpperCase();
    const value = m[3] !== undefined ? m[3].replace(/''/g, "'") : m[4] !== undefined ? m[4].replace(/""/g, '"') : m[5] ?? null;
    out.push({ name, value });
  }
  return out;
}

/**
 * A value read for a modelled option (from a .sql file or CREATE_OPTIONS) as the IR holds it;
 * undefined for `DEFAULT` (unset), an Error for a value the option cannot have.
 */
export function readStorageValue(f: StorageOptionFact, raw: string): TableOptions[StorageOptionKey] | Error {
  const v = raw.trim().toUpperCase();
  if (v === 'DEFAULT') return undefined;
  switch (f.value) {
    case 'rowFormat':
      return (ROW_FORMATS as readonly string[]).includes(v) ? v as RowFormat
        : new Error(`ROW_FORMAT ${raw} is not one of ${ROW_FORMATS.join(', ')}, DEFAULT`);
    case 'flag':
      if (v === '1' || v === 'YES') return true;
      if (v === '0' || v === 'NO') return false;
      return new Error(`${f.sql} takes ${f.key === 'encrypted' ? 'YES or NO' : '0 or 1'} (or DEFAULT), not ${raw}`);
    case 'count': {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < (f.min ?? 0) || n > (f.max ?? Number.MAX_SAFE_INTEGER)) {
        return new Error(`${f.sql} takes a whole number from ${f.min ?? 0} to ${f.max ?? Number.MAX_SAFE_INTEGER}, not ${raw}`);
      }
      return n;
    }
  }
}
