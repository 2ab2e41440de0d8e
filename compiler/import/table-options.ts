import { OPTION_WORD } from '../dialect/mysql/quote.js';
import { NOT_OTHER_OPTIONS, readStorageValue, STORAGE_OPTION_BY_SQL } from '../dialect/mysql/table-options.js';
import type { Token } from '../dialect/mysql/lexer.js';
import type { TableOptions } from '../ir/types.js';
import { Cursor, ImportError, describeToken } from './cursor.js';

/** A token that can be an option's value: a word, a number, a string, a quoted name. */
function isValueToken(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'word' || t.kind === 'number' || t.kind === 'string' || t.kind === 'quoted');
}

/** An option's value: a word, a number or a string (its text unquoted), with where it is. */
function optionValue(cur: Cursor, option: string): { text: string; at: number } {
  const v = cur.peek();
  if (!isValueToken(v)) cur.fail(`expected the value of ${option} but found ${describeToken(v)}`, v);
  cur.next();
  return { text: v!.kind === 'word' || v!.kind === 'number' ? v!.text : v!.value, at: v!.start };
}

/**
 * Table options that cannot be carried as written: their values are paths, strings, lists or
 * placement rules, not option words (or, for PARTITION, a clause of its own).
 */
const UNCARRIED = new Set(['TABLESPACE', 'DATA', 'INDEX', 'UNION', 'CONNECTION', 'PASSWORD', 'SECONDARY_ENGINE',
  'SECONDARY_ENGINE_ATTRIBUTE', 'ENGINE_ATTRIBUTE', 'START', 'SEQUENCE', 'WITH', 'PARTITION', 'PLACEMENT', 'STORAGE',
  'SHARD_ROW_ID_BITS', 'PRE_SPLIT_REGIONS', 'AUTO_ID_CACHE', 'AUTO_RANDOM_BASE', 'TTL', 'TTL_ENABLE', 'TTL_JOB_INTERVAL']);

/**
 * Table options (after CREATE TABLE's `)` or in ALTER TABLE): ENGINE, [DEFAULT] CHARACTER
 * SET/CHARSET, [DEFAULT] COLLATE and COMMENT set `options` (a character set alone resets the
 * collation to its default; `DEFAULT` is the database's); the storage options of
 * dialect/mysql/table-options.ts (AUTO_INCREMENT the counter's start) set theirs, `DEFAULT`
 * unsetting them; any other `NAME [=] value` whose name and value are option words is carried
 * as written (`other`); options whose values are not (DATA DIRECTORY, UNION, CONNECTION, ...)
 * throw E_IMPORT_UNSUPPORTED. Options may be separated by commas.
 */
export function readTableOptions(cur: Cursor, options: { -readonly [K in keyof TableOptions]: TableOptions[K] }): void {
  let charsetSet = false;
  let collateSet = false;
  while (!cur.atEnd()) {
    if (cur.acceptOp(',')) continue;
    // The partitioning follows the options (compiler/import/partition.ts reads it).
    if (cur.atWord('PARTITION', 'BY')) break;
    const t = cur.peek()!;
    cur.acceptWord('DEFAULT');
    if (cur.acceptWord('ENGINE') || cur.acceptWord('TYPE')) {
      cur.acceptOp('=');
      options.engine = cur.optionWord('engine');
    } else if (cur.acceptWord('CHARACTER', 'SET') || cur.acceptWord('CHARSET')) {
      cur.acceptOp('=');
      const charset = cur.optionWord('character set').toLowerCase();
      // `DEFAULT`: the database's.
      options.charset = charset === 'default' ? null : charset;
      charsetSet = true;
    } else if (cur.acceptWord('COLLATE')) {
      cur.acceptOp('=');
      const collate = cur.optionWord('collation').toLowerCase();
      options.collate = collate === 'default' ? null : collate;
      collateSet = true;
    } else if (cur.acceptWord('COMMENT')) {
      cur.acceptOp('=');
      options.comment = cur.string('the table comment');
    } else if ((t.kind === 'word' || t.kind === 'quoted') && STORAGE_OPTION_BY_SQL.has(t.value.toUpperCase())) {
      // ROW_FORMAT, KEY_BLOCK_SIZE, STATS_*, AUTO_INCREMENT, MAX_ROWS, MIN_ROWS and MariaDB's
      // PAGE_COMPRESSED, PAGE_COMPRESSION_LEVEL, ENCRYPTED (SHOW CREATE TABLE quotes these: `PAGE_COMPRESSED`='1').
      const fact = STORAGE_OPTION_BY_SQL.get(t.value.toUpperCase())!;
      cur.next();
      cur.acceptOp('=');
      const v = optionValue(cur, fact.sql);
      const value = readStorageValue(fact, v.text);
      if (value instanceof Error) throw new ImportError('E_IMPORT_SYNTAX', value.message, v.at);
      const o = options as Record<string, unknown>;
      if (value === undefined) delete o[fact.key];
      else o[fact.key] = value;
    } else if (t.kind === 'word' && (t.upper === 'PAGE_CHECKSUM' || t.upper === 'TRANSACTIONAL') && cur.peek(1)?.text === '=' && cur.peek(2)?.text === '1') {
      // Aria's defaults, which SHOW CREATE TABLE prints for every Aria table.
      cur.next(); cur.next(); cur.next();
    } else if (t.kind === 'word' && UNCARRIED.has(t.upper)) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `table option ${t.upper} is not in the schema IR (its value is not an option word schemac can carry)`, t.start);
    } else if ((t.kind === 'word' || t.kind === 'quoted') && OPTION_WORD.test(t.value) && !NOT_OTHER_OPTIONS.has(t.value.toUpperCase())
      && (cur.peek(1)?.text === '=' || isValueToken(cur.peek(1)))) {
      // Any other option (CHECKSUM, PACK_KEYS, DELAY_KEY_WRITE, INSERT_METHOD, an engine's own):
      // carried as written, its name and value option words.
      cur.next();
      cur.acceptOp('=');
      const v = optionValue(cur, t.value.toUpperCase());
      if (!OPTION_WORD.test(v.text)) {
        throw new ImportError('E_OPTION_INVALID', `the value of table option ${t.value.toUpperCase()} is not one word of letters, digits and _`, v.at);
      }
      const other = (options.other ?? []).filter((x) => x.name !== t.value.toUpperCase());
      options.other = [...other, { name: t.value.toUpperCase(), value: v.text }];
    } else {
      cur.fail(`unexpected ${describeToken(t)} among the table options`, t);
    }
  }
  // A new character set without a collation takes its default collation, not the old one.
  if (charsetSet && !collateSet) options.collate = null;
}
