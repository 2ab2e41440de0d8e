import { canonicalCharset, charsetOfCollation } from '../ir/normalize.js';
import type { TableOptions } from '../ir/types.js';
import { defaultCollationOf, type ServerProfile } from '../dialect/mysql/server.js';

/** The database a file is read for: what its tables inherit when they say nothing. */
export interface DatabaseDefaults {
  readonly charset: string;
  readonly collation: string;
  /** The server's default storage engine (`@@default_storage_engine`), usually InnoDB. */
  readonly engine?: string;
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
function resolve(charset: string | null, collate: string | null, parent: Effective | null, server: ServerProfile): Effective | null {
  if (collate !== null) {
    const owner = charsetOfCollation(collate) ?? (charset === null ? null : canonicalCharset(charset));
    return owner === null ? null : { charset: owner, collation: canonicalCollation(collate) };
  }
  if (charset !== null) {
    const cs = canonicalCharset(charset);
    const collation = defaultCollationOf(server, cs);
    return collation ? { charset: cs, collation } : null;
  }
  return parent;
}

/**
 * The character set and collation a table's options give it (`database` when it says nothing),
 * or null when unknown (nothing said and no database given, or a character set this file does
 * not know the default collation of).
 */
export function tableCharset(options: TableOptions, database: DatabaseDefaults | null, server: ServerProfile): Effective | null {
  const db = database ? { charset: canonicalCharset(database.charset), collation: canonicalCollation(database.collation) } : null;
  return resolve(options.charset, options.collate, db, server);
}

/**
 * A character set and collation spelled relative to `parent` (the table's, or the database's
 * for a table), the way introspection reports them: nothing when they are the parent's, only the
 * collation when it belongs to the parent's character set, only the character set when the
 * collation is its default. With `parent` unknown, the spelling is kept (`utf8` read as utf8mb3).
 */
function relative(charset: string | null, collate: string | null, parent: Effective | null, server: ServerProfile):
  { charset: string | null; collate: string | null } {
  const written = { charset: charset === null ? null : canonicalCharset(charset), collate: collate === null ? null : canonicalCollation(collate) };
  if (parent === null) return written;
  const meant = resolve(charset, collate, parent, server);
  if (meant === null) return written;
  if (meant.collation === parent.collation) return { charset: null, collate: null };
  if (meant.charset === parent.charset) return { charset: null, collate: meant.collation };
  return { charset: meant.charset, collate: defaultCollationOf(server, meant.charset) === meant.collation ? null : meant.collation };
}

/**
 * Table options and column character sets as the server reads them, relative to what they
 * inherit: a table's to `database` (when given: options equal to its defaults are unset), a
 * column's to its table. So a file, and SHOW CREATE TABLE of what it built (which spells out
 * ENGINE, CHARSET and COLLATE everywhere), read the same.
 */
export function relativeCharsets<C extends { readonly charset: string | null; readonly collate: string | null }>(
  options: TableOptions, columns: readonly C[], isTextual: (c: C) => boolean, database: DatabaseDefaults | null, server: ServerProfile,
): { options: TableOptions; columns: C[] } {
  const db = database ? { charset: canonicalCharset(database.charset), collation: canonicalCollation(database.collation) } : null;
  const table = resolve(options.charset, options.collate, db, server);
  const own = relative(options.charset, options.collate, db, server);
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
    columns: columns.map((c) => (isTextual(c) ? { ...c, ...relative(c.charset, c.collate, table, server) } : c)),
  };
}
