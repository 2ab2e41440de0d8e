/*
 * The server a schema is compiled for or read from: MySQL or MariaDB, its version, what its
 * defaults are, and what it can do. MariaDB is not a second dialect: where the two differ, the
 * code asks a capability of the profile (below), and every such difference is decided here.
 * A profile comes from the config (`"dialect"`, no version: the baseline schemac supports) or
 * from a live server (VERSION(), @@default_storage_engine, information_schema.CHARACTER_SETS).
 */

/** MySQL or MariaDB (SPEC §3 `dialect`). */
export type Flavor = 'mysql' | 'mariadb';

/** What a server is and what its defaults are. */
export interface ServerProfile {
  readonly flavor: Flavor;
  /** `major.minor.patch` of the server; null for a profile from the config (the baseline, below). */
  readonly version: readonly [number, number, number] | null;
  /** `@@default_storage_engine`: what a table without ENGINE gets. */
  readonly defaultEngine: string;
  /** Character set → its default collation on this server (SHOW CHARACTER SET). */
  readonly charsetDefaults: ReadonlyMap<string, string>;
  /** `@@innodb_default_row_format` (upper case), when read from a live server. */
  readonly innodbDefaultRowFormat?: string;
}

/**
 * Default collations of the character sets schemac meets, per flavor: MariaDB 10.11 (tested)
 * and MySQL 8.0/8.4 (documented), which differ for utf8mb4 only among these.
 * https://mariadb.com/kb/en/supported-character-sets-and-collations/ ,
 * https://dev.mysql.com/doc/refman/8.0/en/charset-charsets.html
 */
const COMMON_COLLATIONS: Readonly<Record<string, string>> = {
  utf8mb3: 'utf8mb3_general_ci', latin1: 'latin1_swedish_ci', ascii: 'ascii_general_ci', binary: 'binary',
  ucs2: 'ucs2_general_ci', utf16: 'utf16_general_ci', utf16le: 'utf16le_general_ci', utf32: 'utf32_general_ci',
  latin2: 'latin2_general_ci', cp1250: 'cp1250_general_ci', cp1251: 'cp1251_general_ci', cp1256: 'cp1256_general_ci',
  cp1257: 'cp1257_general_ci', greek: 'greek_general_ci', hebrew: 'hebrew_general_ci',
};
const DEFAULT_COLLATIONS: Readonly<Record<Flavor, Readonly<Record<string, string>>>> = {
  mariadb: { ...COMMON_COLLATIONS, utf8mb4: 'utf8mb4_general_ci' },
  mysql: { ...COMMON_COLLATIONS, utf8mb4: 'utf8mb4_0900_ai_ci' },
};

/**
 * Character sets whose default collation is not the same on every server schemac supports:
 * utf8mb4 (MySQL 8 utf8mb4_0900_ai_ci, MariaDB 10.11 utf8mb4_general_ci) and, from MariaDB 11.5,
 * the ones `@@character_set_collations` maps to uca1400 collations
 * (https://mariadb.com/kb/en/server-system-variables/#character_set_collations). `binary` has
 * one collation of its own name and `utf16le` is left out with them: a schema keeps its collation
 * unset there, as before this table was shared.
 */
const SERVER_DEPENDENT_DEFAULTS: ReadonlySet<string> = new Set(['utf8mb4', 'utf8mb3', 'ucs2', 'utf16', 'utf32', 'utf16le', 'binary']);

/**
 * The collation a character set implies when none is given, when it is the same on every
 * supported server (latin1 → latin1_swedish_ci); null when it depends on the server or is not
 * known. A schema can spell `CHARSET latin1` with or without its collation and be one schema.
 */
export function portableDefaultCollation(charset: string): string | null {
  return SERVER_DEPENDENT_DEFAULTS.has(charset) ? null : COMMON_COLLATIONS[charset] ?? null;
}

/**
 * The version a profile without one stands for: the oldest release schemac supports of each
 * flavor (README), so a capability is assumed only when that release has it.
 */
const BASELINE: Readonly<Record<Flavor, readonly [number, number, number]>> = { mysql: [8, 0, 29], mariadb: [10, 11, 0] };

/** The profile of a config's `dialect`: the baseline release, InnoDB, the documented collations. */
export function configProfile(flavor: Flavor, version: readonly [number, number, number] | null = null): ServerProfile {
  return { flavor, version, defaultEngine: 'InnoDB', charsetDefaults: new Map(Object.entries(DEFAULT_COLLATIONS[flavor])) };
}

/**
 * A config's `"server": "mariadb-10.11"` / `"mysql-8.0.36"`: the flavor and release the
 * migrations are planned for. A string that is not one, or a release older than the oldest
 * schemac supports, is a message saying so; else the flavor and version.
 */
export function parseServerSetting(text: string): { flavor: Flavor; version: readonly [number, number, number] } | string {
  const m = /^(mysql|mariadb)-(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return `server must be "mysql-MAJOR.MINOR[.PATCH]" or "mariadb-MAJOR.MINOR[.PATCH]", as "mariadb-10.11" or "mysql-8.0.36"`;
  const flavor = m[1] as Flavor;
  const version = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)] as const;
  const oldest = BASELINE[flavor];
  if (!atLeast(configProfile(flavor, version), oldest[0], oldest[1], oldest[2])) return `server ${text} is older than the oldest release schemac plans for (${flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} ${oldest.join('.')})`;
  return { flavor, version };
}

/** `10.11.19-MariaDB-0+deb12u1` → mariadb 10.11.19; `8.0.36` → mysql 8.0.36. */
export function parseServerVersion(text: string): { flavor: Flavor; version: readonly [number, number, number] | null } {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return { flavor: /mariadb/i.test(text) ? 'mariadb' : 'mysql', version: m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null };
}

/** The profile of a live server, from what it reports. */
export function liveProfile(versionText: string, defaultEngine: string, charsetDefaults: ReadonlyMap<string, string>, flavor?: Flavor): ServerProfile {
  const parsed = parseServerVersion(versionText);
  return { flavor: flavor ?? parsed.flavor, version: parsed.version, defaultEngine, charsetDefaults };
}

/** The default collation of a character set on the server, when known. */
export function defaultCollationOf(profile: ServerProfile, charset: string): string | undefined {
  return profile.charsetDefaults.get(charset) ?? DEFAULT_COLLATIONS[profile.flavor][charset];
}

/** Whether the server is at least `major.minor.patch` (a config profile: its baseline). */
function atLeast(p: ServerProfile, major: number, minor: number, patch = 0): boolean {
  const [a, b, c] = p.version ?? BASELINE[p.flavor];
  return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
}

const isMariadb = (p: ServerProfile) => p.flavor === 'mariadb';

/*
 * Capabilities: each a question about the profile, with where the answer comes from.
 * Tested facts are MYSQL-NOTES.md's [T] (MariaDB 10.11); MySQL's are its manual's.
 */

/**
 * JSON is an alias of LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin with a column CHECK
 * json_valid(col) named after the column (MariaDB, MYSQL-NOTES §7); MySQL has a native type.
 */
export const jsonIsLongtext = isMariadb;

/**
 * How the server names what DDL leaves unnamed: MariaDB names a column-level CHECK after its
 * column and a table-level one `CONSTRAINT_<n>`, and a `FOREIGN KEY idx (...)` after `idx`;
 * MySQL names checks `<table>_chk_<n>` and ignores the index name for the constraint
 * (8.0.16+). MYSQL-NOTES §2, §3.
 */
export const namesLikeMariadb = isMariadb;

/**
 * REFERENCES written on a column creates a foreign key: MariaDB 10.5+; MySQL parses and ignores
 * it before 9.0 (https://dev.mysql.com/doc/refman/9.0/en/create-table-foreign-keys.html).
 */
export function columnReferencesCreateForeignKeys(p: ServerProfile): boolean {
  return isMariadb(p) ? atLeast(p, 10, 5) : atLeast(p, 9, 0);
}

/**
 * The server stores a parenthesised literal default `DEFAULT ('x')` as the literal (MariaDB
 * [T]); MySQL keeps it an expression (DEFAULT_GENERATED).
 */
export const keepsParenthesisedLiteralDefault = isMariadb;

/** Dropping a column drops the CHECK constraints written on it (MariaDB [T]); MySQL refuses the drop. */
export const dropsColumnChecksWithColumn = isMariadb;

/**
 * information_schema and SHOW CREATE print expressions escaped in a string literal's style
 * (MySQL: `_utf8mb4\'x\'`), which the reader must undo; MariaDB prints them as written.
 */
export const escapesMetadataExpressions = (p: ServerProfile) => p.flavor === 'mysql';

/**
 * Metadata (comments, ENUM values, defaults in information_schema) is utf8mb3: characters above
 * U+FFFF show as `?` (MariaDB 10.11 [T]: 4-byte characters in comments are even stored so).
 */
export const metadataIsUtf8mb3 = isMariadb;

/**
 * information_schema.VIEWS has an ALGORITHM column on MariaDB
 * (https://mariadb.com/kb/en/information-schema-views-table/); MySQL 8's has none
 * (https://dev.mysql.com/doc/refman/8.0/en/information-schema-views-table.html): the algorithm is
 * read from SHOW CREATE VIEW there.
 */
export const viewsReportAlgorithm = isMariadb;

/**
 * `SET STATEMENT var = value FOR statement` (MariaDB 10.1.2+, https://mariadb.com/kb/en/set-statement/):
 * how a trigger or stored program is created under its own sql_mode in one statement (the server
 * records the sql_mode in effect at CREATE). MySQL 8 has no such statement: there the sql_mode
 * of a stored object is not part of the schema (not read, not written).
 */
export const setStatementFor = isMariadb;

/** RENAME COLUMN: MySQL 8.0.3+, MariaDB 10.5.2+ (MYSQL-NOTES §4). */
export const renameColumn = (p: ServerProfile) => (isMariadb(p) ? atLeast(p, 10, 5, 2) : atLeast(p, 8, 0, 3));

/** ALTER TABLE ... DROP CONSTRAINT for a CHECK: MySQL 8.0.19+, MariaDB (MYSQL-NOTES §3). */
export const dropConstraint = (p: ServerProfile) => (isMariadb(p) ? true : atLeast(p, 8, 0, 19));

/**
 * ADD COLUMN with ALGORITHM=INSTANT at any position: MySQL 8.0.29+, MariaDB 10.3.2+ (10.4 for
 * any position), https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html
 */
export const instantAddColumn = (p: ServerProfile) => (isMariadb(p) ? atLeast(p, 10, 4) : atLeast(p, 8, 0, 29));

/** CHECK constraints enforced: MySQL 8.0.16+, MariaDB 10.2.1+ (MYSQL-NOTES §6). */
export const enforcesChecks = (p: ServerProfile) => (isMariadb(p) ? atLeast(p, 10, 2, 1) : atLeast(p, 8, 0, 16));

/** CHECK ... NOT ENFORCED: MySQL 8.0.16+; MariaDB has no such clause (a syntax error on 10.11). */
export const notEnforcedChecks = (p: ServerProfile) => !isMariadb(p) && atLeast(p, 8, 0, 16);

/** Functional (expression) key parts: MySQL 8.0.13+; MariaDB has none (MYSQL-NOTES §13). */
export const functionalIndexes = (p: ServerProfile) => !isMariadb(p) && atLeast(p, 8, 0, 13);

/** The keyword that hides an index from the optimizer: MySQL INVISIBLE, MariaDB 10.6+ IGNORED (MYSQL-NOTES §5). */
export const hiddenIndexKeyword = (p: ServerProfile): 'INVISIBLE' | 'IGNORED' | null =>
  (isMariadb(p) ? (atLeast(p, 10, 6) ? 'IGNORED' : null) : 'INVISIBLE');

/**
 * The full-text parser plugins a server has built in or as a bundled plugin: MySQL's ngram (5.7.6+,
 * built in) and MeCab (a plugin it ships); MariaDB has neither (its plugins are for MyISAM and
 * Mroonga, none named so), https://dev.mysql.com/doc/refman/8.0/en/fulltext-search-ngram.html .
 * Another name is a plugin the server may have installed: only MariaDB's lack of these two is
 * known for certain, so only those are refused.
 */
export function fulltextParserAvailable(p: ServerProfile, parser: string): boolean {
  const name = parser.toLowerCase();
  return !(isMariadb(p) && (name === 'ngram' || name === 'mecab'));
}

/**
 * `UNIQUE ... USING HASH` on InnoDB/MyISAM/Aria builds a hash-based unique key on MariaDB 10.4+
 * (STATISTICS.INDEX_TYPE = HASH [T]); MySQL's InnoDB builds a B-tree whatever is asked.
 */
export const usingHashUniqueKept = (p: ServerProfile) => isMariadb(p) && atLeast(p, 10, 4);

/**
 * information_schema.COLUMNS.COLUMN_DEFAULT holds SQL on MariaDB 10.2.7+ (`'abc'` quoted, the
 * string `NULL` for DEFAULT NULL, `current_timestamp()`) and the value on MySQL (MYSQL-NOTES §8).
 */
export const defaultsAreSql = isMariadb;

/**
 * information_schema's shape: MySQL's STATISTICS has EXPRESSION and IS_VISIBLE, MariaDB's
 * IGNORED; MariaDB's CHECK_CONSTRAINTS has TABLE_NAME and LEVEL, MySQL's needs TABLE_CONSTRAINTS
 * for the table (MYSQL-NOTES §13).
 */
export const mysqlInformationSchema = (p: ServerProfile) => p.flavor === 'mysql';

/**
 * RENAME TABLE renames the checks the server named after the table (`t_chk_1` → `u_chk_1`):
 * MySQL; MariaDB's generated names do not hold the table name. (Foreign keys `t_ibfk_n`: both.)
 */
export const renamesGeneratedCheckNames = (p: ServerProfile) => p.flavor === 'mysql';

/**
 * RENAME COLUMN rewrites the CHECK, generated-column and DEFAULT expressions that use the column
 * (MariaDB 10.11 [T]); MySQL refuses to rename a column an expression uses.
 */
export const renameColumnRewritesExpressions = isMariadb;

/** A CHECK written on a column is part of its definition: MODIFY and CHANGE replace it (MariaDB [T]). */
export const columnChecksBelongToColumn = isMariadb;

/**
 * Whether the server runs the inside of an executable comment opened by `marker` (`/*!50001`,
 * `/*M!100100`, `/*!`): `/*!` comments run on both flavors when the server's version is at least
 * the number (MMmmpp, 5 or 6 digits; none: always), `/*M!` ones on MariaDB only. A dump's
 * `/*M!999999\- enable the sandbox mode *\/` line is then a comment everywhere.
 * https://dev.mysql.com/doc/refman/8.0/en/comments.html ,
 * https://mariadb.com/kb/en/comment-syntax/#executable-comment-syntax
 */
export function runsExecutableComment(profile: ServerProfile, marker: string): boolean {
  const m = /^\/\*(M?)!(\d*)/.exec(marker);
  if (!m) return false;
  if (m[1] === 'M' && !isMariadb(profile)) return false;
  if (m[2] === '') return true;
  const n = Number(m[2]);
  const [a, b, c] = profile.version ?? BASELINE[profile.flavor];
  return n <= a * 10000 + b * 100 + c;
}

/** `MySQL 8.0.29`, `MariaDB 10.11.19`: the server a profile stands for (a config profile: its baseline release). */
export function profileLabel(p: ServerProfile): string {
  return `${isMariadb(p) ? 'MariaDB' : 'MySQL'} ${(p.version ?? BASELINE[p.flavor]).join('.')}`;
}

/**
 * The column attribute that restricts a spatial column to one spatial reference system: MySQL
 * 8.0.3+ `SRID n` (https://dev.mysql.com/doc/refman/8.0/en/spatial-type-overview.html), MariaDB
 * `REF_SYSTEM_ID=n` (https://mariadb.com/kb/en/create-table/#column-and-index-definitions),
 * which MariaDB takes right after the type only (after NOT NULL it is a syntax error [T]).
 */
export function sridAttribute(p: ServerProfile, srid: number): string {
  return isMariadb(p) ? `REF_SYSTEM_ID = ${Math.trunc(srid)}` : `SRID ${Math.trunc(srid)}`;
}

/**
 * MariaDB records no SRID as 0 and enforces none (information_schema.GEOMETRY_COLUMNS.SRID is 0
 * for a column without REF_SYSTEM_ID [T]): SRID 0 there is no SRID. On MySQL `SRID 0` restricts
 * a column to SRID 0 values, and no SRID is COLUMNS.SRS_ID NULL.
 */
export const sridZeroIsNone = isMariadb;

/**
 * Where introspection reads a spatial column's SRID: MySQL 8.0.3+ information_schema.COLUMNS.SRS_ID
 * (https://dev.mysql.com/doc/refman/8.0/en/information-schema-columns-table.html); MariaDB
 * information_schema.GEOMETRY_COLUMNS.SRID (https://mariadb.com/kb/en/information-schema-geometry_columns-table/).
 */
export const sridInColumns = (p: ServerProfile) => p.flavor === 'mysql';

/**
 * The character set a database gets when nothing says which (used where a file names none and no
 * database is given, as for the BINARY column attribute): utf8mb4, MySQL 8's
 * character_set_server default (https://dev.mysql.com/doc/refman/8.0/en/charset-server.html)
 * and MariaDB's from 11.6, and what the Debian/Ubuntu packages of MariaDB 10.x configure
 * (upstream 10.x builds default to latin1: give the database's defaults to be exact).
 */
export const assumedDatabaseCharset = (_p: ServerProfile): string => 'utf8mb4';

/**
 * INVISIBLE columns: MySQL 8.0.23+ (https://dev.mysql.com/doc/refman/8.0/en/invisible-columns.html),
 * MariaDB 10.3.3+ (https://mariadb.com/kb/en/invisible-columns/). Both refuse a table without a
 * visible column.
 */
export const invisibleColumns = (p: ServerProfile) => (isMariadb(p) ? atLeast(p, 10, 3, 3) : atLeast(p, 8, 0, 23));

/** An INVISIBLE NOT NULL column needs a default (MariaDB error 4108 [T]); MySQL gives it the type's implicit one. */
export const invisibleNotNullNeedsDefault = isMariadb;

/** The first MariaDB release with each of its own column types; MySQL has none of them. */
const MARIADB_TYPES: Readonly<Record<'uuid' | 'inet6' | 'inet4', readonly [number, number]>> = { uuid: [10, 7], inet6: [10, 5], inet4: [10, 10] };

/**
 * Whether the server has the column type: UUID (MariaDB 10.7+, https://mariadb.com/kb/en/uuid-data-type/),
 * INET6 (10.5+, https://mariadb.com/kb/en/inet6/), INET4 (10.10+, https://mariadb.com/kb/en/inet4/).
 */
export function hasMariadbType(p: ServerProfile, kind: 'uuid' | 'inet6' | 'inet4'): boolean {
  return isMariadb(p) && atLeast(p, MARIADB_TYPES[kind][0], MARIADB_TYPES[kind][1]);
}

/** The release a MariaDB type needs, as text for messages (`MariaDB 10.7`). */
export const mariadbTypeRelease = (kind: 'uuid' | 'inet6' | 'inet4'): string => `MariaDB ${MARIADB_TYPES[kind].join('.')}`;

/**
 * COMPRESSED columns (zlib): MariaDB 10.3.2+ (https://mariadb.com/kb/en/storage-engine-independent-column-compression/),
 * on VARCHAR, VARBINARY, TEXT and BLOB types (JSON, a LONGTEXT there); never in a key (4097 [T]). MySQL has none.
 */
export const compressedColumns = (p: ServerProfile) => isMariadb(p) && atLeast(p, 10, 3, 2);

/**
 * The row format a table without ROW_FORMAT (or with ROW_FORMAT=DEFAULT) has: for InnoDB
 * `@@innodb_default_row_format`, DYNAMIC unless set otherwise (MySQL 5.7.9+, MariaDB 10.2.2+:
 * https://dev.mysql.com/doc/refman/8.0/en/innodb-parameters.html#sysvar_innodb_default_row_format);
 * null for other engines, whose default depends on the columns (MyISAM FIXED or DYNAMIC).
 */
export function defaultRowFormat(p: ServerProfile, engine: string): string | null {
  return engine.toLowerCase() === 'innodb' ? (p.innodbDefaultRowFormat ?? 'DYNAMIC').toUpperCase() : null;
}

/**
 * MariaDB's own table options PAGE_COMPRESSED, PAGE_COMPRESSION_LEVEL and ENCRYPTED
 * (https://mariadb.com/kb/en/create-table/#page_compressed); MySQL has COMPRESSION and
 * ENCRYPTION instead, which schemac carries as written.
 */
export const mariadbTableOptions = isMariadb;

/**
 * Whether a table of `engine` can be partitioned: on MySQL 8 only InnoDB and NDB can (native
 * partitioning: https://dev.mysql.com/doc/refman/8.0/en/partitioning-limitations-storage-engines.html);
 * MariaDB's partition engine takes InnoDB, MyISAM, Aria and others (MyISAM tested on 10.11).
 */
export function partitionsEngine(p: ServerProfile, engine: string): boolean {
  return isMariadb(p) || ['innodb', 'ndb', 'ndbcluster'].includes(engine.toLowerCase());
}
