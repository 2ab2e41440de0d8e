import type { TableOptions } from '../ir/types.js';
import { Cursor, ImportError, describeToken } from './cursor.js';

/** Table options the IR does not model: accepted by the server, refused by the import. */
const UNMODELLED = new Set(['ROW_FORMAT', 'KEY_BLOCK_SIZE', 'STATS_PERSISTENT', 'STATS_AUTO_RECALC', 'STATS_SAMPLE_PAGES',
  'CHECKSUM', 'PACK_KEYS', 'DELAY_KEY_WRITE', 'AVG_ROW_LENGTH', 'MAX_ROWS', 'MIN_ROWS',
  'COMPRESSION', 'ENCRYPTION', 'ENCRYPTED', 'ENCRYPTION_KEY_ID', 'PAGE_COMPRESSED', 'PAGE_COMPRESSION_LEVEL',
  'INSERT_METHOD', 'TABLESPACE', 'DATA', 'INDEX', 'UNION', 'CONNECTION', 'PASSWORD', 'SECONDARY_ENGINE',
  'SECONDARY_ENGINE_ATTRIBUTE', 'ENGINE_ATTRIBUTE', 'AUTOEXTEND_SIZE', 'START', 'SHARD_ROW_ID_BITS',
  'PRE_SPLIT_REGIONS', 'AUTO_ID_CACHE', 'AUTO_RANDOM_BASE', 'IETF_QUOTES', 'SEQUENCE', 'WITH', 'PARTITION', 'TTL',
  'TTL_ENABLE', 'TTL_JOB_INTERVAL', 'PLACEMENT', 'STORAGE']);

/**
 * Table options (after CREATE TABLE's `)` or in ALTER TABLE): ENGINE, [DEFAULT] CHARACTER
 * SET/CHARSET, [DEFAULT] COLLATE and COMMENT set `options` (a character set alone resets the
 * collation to its default; `DEFAULT` is the database's); AUTO_INCREMENT is the counter's
 * start, not schema, and is ignored; any other option throws E_IMPORT_UNSUPPORTED.
 * Options may be separated by commas.
 */
export function readTableOptions(cur: Cursor, options: { -readonly [K in keyof TableOptions]: TableOptions[K] }): void {
  let charsetSet = false;
  let collateSet = false;
  while (!cur.atEnd()) {
    if (cur.acceptOp(',')) continue;
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
    } else if (cur.acceptWord('AUTO_INCREMENT')) {
      cur.acceptOp('=');
      const n = cur.next('a number');
      if (n.kind !== 'number') cur.fail(`expected a number but found ${describeToken(n)}`, n);
    } else if (cur.atWord('PAGE_CHECKSUM') || cur.atWord('TRANSACTIONAL')) {
      // Aria's defaults, which SHOW CREATE TABLE prints for every Aria table; another value is refused.
      cur.next();
      cur.acceptOp('=');
      const v = cur.next('a value');
      if (v.text !== '1') throw new ImportError('E_IMPORT_UNSUPPORTED', `table option ${t.upper}=${v.text} is not in the schema IR`, t.start);
    } else if (t.kind === 'word' && UNMODELLED.has(t.upper)) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `table option ${t.upper} is not in the schema IR`, t.start);
    } else {
      cur.fail(`unexpected ${describeToken(t)} among the table options`, t);
    }
  }
  // A new character set without a collation takes its default collation, not the old one.
  if (charsetSet && !collateSet) options.collate = null;
}
