import { widensTo } from '../dialect/mysql/types.js';
import { sameData } from '../diff/diff.js';
import type { ColumnType } from '../ir/types.js';

/**
 * True when every value of `from` fits `to` unchanged, so the change cannot lose data: the
 * same data, or a widening the type facts know (dialect/mysql/types.ts). Anything else counts as
 * narrowing (and needs --allow-data-loss).
 */
export function isWidening(from: ColumnType, to: ColumnType): boolean {
  return sameData(from, to) || widensTo(from, to);
}
