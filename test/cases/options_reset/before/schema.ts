import { table, id, int, varchar } from 'schemac';

export const t = table('t', {
  id: id(),
  a: int(),
}).rowFormat('COMPRESSED').keyBlockSize(4).statsAutoRecalc(true).statsSamplePages(30).maxRows(50).minRows(2)
  .option('CHECKSUM', 1).option('DELAY_KEY_WRITE', 1);
