import { canonicalCharset, charsetOfCollation } from '../ir/normalize.js';
import type { TableOptions } from '../ir/types.js';
import type { ImportDialect } from './context.js';

/** The database a file is read for: what its tables inherit when they say nothing. */
export interface DatabaseDefaults {
  readonly charset: string;
  readonly collation: string;
  /** The server's default storage engine (`@@default_storage_engine`), usually InnoDB. */
  readonly engine?: string;
}

/**
 * Default collations (`SHOW CHARACTER SET`): MariaDB 10.11 (tested) and MySQL 8.0
 * (documented) differ for utf8mb4 only.
 * https://mariadb.com/kb/en/supported-character-sets-and-collations/ ,
 * https://dev.mysql.com/doc/refman/8.0/en/charset-charsets.html
 */
const DEFAULT_COLLATION: Readonly<Record<string, string>> = {
  utf8mb4: 'utf8mb4_general_ci', utf8mb3: 'utf8mb3_general_ci', latin1: 'latin1_swedish_ci', ascii: 'ascii_general_ci',
  binary: 'binary', ucs2: 'ucs2_general_ci', utf16: 'utf16_general_ci', utf16le: 'utf16le_general_ci',
  utf32: 'utf32_general_ci', latin2: 'latin2_general_ci', cp1250: 'cp1250_general_ci', cp1251: 'cp1251_general_ci',
  cp1256: 'cp1256_general_ci', cp1257: 'cp1257_general_ci', greek: 'greek_general_ci', hebrew: 'hebrew_general_ci',
};

function defaultCollationOf(charset: string, dialect: ImportDialect): string | undefined {
  return charset === 'utf8mb4' && dialect === 'mysql' ? 'utf8mb4_0900_ai_ci' : DEFAULT_COLLATION[charset];
}

/** `utf8_bin` is `utf8mb3_bin`: `utf8` means utf8mb3 (MYSQL-NOTES §10), in collation names too. */
function canonicalCollation(name: string): string {
  const lower = name.toLowerCase();
  return lower.startsWith('utf8_') ? 'utf8mb3_' + lower.slice(5) : lower;
}

export interface Effective {
  readonly charset: string;
  readonly collation: string;
}

/** What `CHARACTER SET x COLLATE y` (either optional) means under `parent`; null when unknown. */
function resolve(charset: string | null, collate: string | null, parent: Effective | null, dialect: ImportDialect): Effective | null {
  if (collate !== null) {
    const owner = charsetOfCollation(collate) ?? (charset === null ? null : canonicalCharset(charset));
    return owner === null ? null : { charset: owner, collation: canonicalCollation(collate) };
  }
  if (charset !== null) {
    const cs = canonicalCharset(charset);
    const collation = defaultCollationOf(cs, dialect);
    return collation ? { charset: cs, collation } : null;
  }
  return parent;
}

/**
 * The character set and collation a table's options give it (`database` when it says nothing),
 * or null when unknown (nothing said and no database given, or a character set this file does
 * not know the default collation of).
 */
export function tableCharset(options: TableOptions, database: DatabaseDefaults | null, dialect: ImportDialect): Effective | null {
  const db = database ? { charset: canonicalCharset(database.charset), collation: canonicalCollation(database.collation) } : null;
  return resolve(options.charset, options.collate, db, dialect);
}

/**
 * A character set and collation spelled relative to `parent` (the table's, or the database's
 * for a table), the way introspection reports them: nothing when they are the parent's, only the
 * collation when it belongs to the parent's character set, only the character set when the
 * collation is its default. With `parent` unknown, the spelling is kept (`utf8` read as utf8mb3).
 */
function relative(charset: string | null, collate: string | null, parent: Effective | null, dialect: ImportDialect):
  { charset: string | null; collate: string | null } {
  const written = { charset: charset === null ? null : canonicalCharset(charset), collate: collate === null ? null : canonicalCollation(collate) };
  if (parent === null) return written;
  const meant = resolve(charset, collate, parent, dialect);
  if (meant === null) return written;
  if (meant.collation === parent.collation) return { charset: null, collate: null };
  if (meant.charset === parent.charset) return { charset: null, collate: meant.collation };
  return { charset: meant.charset, collate: defaultCollationOf(meant.charset, dialect) === meant.collation ? null : meant.collation };
}

/**
 * Table options and column character sets as the server reads them, relative to what they
 * inherit: a table's to `database` (when given: options equal to its defaults are unset), a
 * column's to its table. So a file, and SHOW CREATE TABLE of what it built (which spells out
 * ENGINE, CHARSET and COLLATE everywhere), read the same.
 */
export function relativeCharsets<C extends { readonly charset: string | null; readonly collate: string | null }>(
  options: TableOptions, columns: readonly C[], isTextual: (c: C) => boolean, database: DatabaseDefaults | null, dialect: ImportDialect,
): { options: TableOptions; columns: C[] } {
  const db = database ? { charset: canonicalCharset(database.charset), collation: canonicalCollation(database.collation) } : null;
  const table = resolve(options.charset, options.collate, db, dialect);
  const own = relative(options.charset, options.collate, db, dialect);
  // A table with its own collation in the database's character set still names the set, as
  // introspection reports it (and as the schema language writes `.charset().collate()`).
  const tableOptions: TableOptions = {
    ...options,
    engine: options.engine !== null && database?.engine !== undefined && options.engine.toLowerCase() === database.engine.toLowerCase()
      ? null : options.engine,
    charset: own.collate !== null && own.charset === null && table ? table.charset : own.charset,
    collate: own.collate,
  };
  return {
    options: tableOptions,
    columns: columns.map((c) => (isTextual(c) ? { ...c, ...relative(c.charset, c.collate, table, dialect) } : c)),
  };
}
