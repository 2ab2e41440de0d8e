import { table, id, int, varchar } from 'schemac';

export const a = table('a', {
  id: id(),
}).rowFormat('DYNAMIC').keyBlockSize(8);

export const b = table('b', {
  id: id(),
}).rowFormat('FIXED').keyBlockSize(3).statsSamplePages(0);

export const c = table('c', {
  id: id(),
}).pageCompressionLevel(4).option('ROW_FORMAT', 'COMPACT');
