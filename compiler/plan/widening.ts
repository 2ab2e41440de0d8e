import { sameData } from '../diff/diff.js';
import type { ColumnType, IntSize } from '../ir/types.js';

const INT_RANK: Record<IntSize, number> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, bigint: 5 };
const TEXT_RANK = { tinytext: 1, text: 2, mediumtext: 3, longtext: 4 } as const;
const BLOB_RANK = { tinyblob: 1, blob: 2, mediumblob: 3, longblob: 4 } as const;

/**
 * True when every value of `from` fits `to` unchanged, so the change cannot lose data.
 * Anything not known to be a widening counts as narrowing (and needs --allow-data-loss).
 */
export function isWidening(from: ColumnType, to: ColumnType): boolean {
  if (sameData(from, to)) return true;
  switch (from.kind) {
    case 'boolean':
      return to.kind === 'int';
    case 'int':
      if (to.kind === 'int') {
        if (from.unsigned === to.unsigned) return INT_RANK[to.size] >= INT_RANK[from.size];
        return from.unsigned && !to.unsigned && INT_RANK[to.size] > INT_RANK[from.size];
      }
      if (to.kind === 'decimal') {
        const digits: Record<IntSize, number> = { tinyint: 3, smallint: 5, mediumint: 8, int: 10, bigint: 20 };
        return to.precision - to.scale >= digits[from.size] && (!to.unsigned || from.unsigned);
      }
      return false;
    case 'decimal':
      return to.kind === 'decimal' && to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale
        && (!to.unsigned || from.unsigned);
    case 'float':
      return (to.kind === 'float' || to.kind === 'double') && (!to.unsigned || from.unsigned);
    case 'double':
      return to.kind === 'double' && (!to.unsigned || from.unsigned);
    case 'char':
      // TINYTEXT holds 255 bytes: enough for CHAR(n) only while n characters of 4 bytes fit.
      return ((to.kind === 'char' || to.kind === 'varchar') && to.length >= from.length)
        || (to.kind === 'text' && (to.size !== 'tinytext' || from.length * 4 <= 255));
    case 'varchar':
      if (to.kind === 'varchar') return to.length >= from.length;
      if (to.kind === 'text') return to.size !== 'tinytext' && (to.size !== 'text' || from.length <= 16383);
      return false;
    case 'text':
      return to.kind === 'text' && TEXT_RANK[to.size] >= TEXT_RANK[from.size];
    case 'binary':
      return (to.kind === 'binary' || to.kind === 'varbinary') && to.length >= from.length || to.kind === 'blob';
    case 'varbinary':
      if (to.kind === 'varbinary') return to.length >= from.length;
      return to.kind === 'blob' && to.size !== 'tinyblob' && (to.size !== 'blob' || from.length <= 65535);
    case 'blob':
      return to.kind === 'blob' && BLOB_RANK[to.size] >= BLOB_RANK[from.size];
    case 'date':
      return to.kind === 'datetime';
    case 'time':
      return to.kind === 'time' && to.fsp >= from.fsp;
    case 'datetime':
      return to.kind === 'datetime' && to.fsp >= from.fsp;
    case 'timestamp':
      return (to.kind === 'timestamp' || to.kind === 'datetime') && to.fsp >= from.fsp;
    case 'year':
      return to.kind === 'int' && INT_RANK[to.size] >= 2;
    case 'json':
      return to.kind === 'text' && to.size === 'longtext';
    case 'enum':
    case 'set':
      return to.kind === from.kind && from.values.every((v, i) => to.values[i] === v);
    default:
      return false;
  }
}
