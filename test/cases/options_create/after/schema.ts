import { table, id, int, varchar } from 'schemac';

export const archive = table('archive', {
  id: id(),
  body: varchar(255),
}).rowFormat('compressed').keyBlockSize(8).statsPersistent(true).statsAutoRecalc(false).statsSamplePages(12)
  .autoIncrement(1000).maxRows(100000).minRows(10).option('CHECKSUM', 1);

export const log = table({ name: 'log', rowFormat: 'REDUNDANT', options: { PACK_KEYS: 1, DELAY_KEY_WRITE: 1 } }, {
  id: id(),
  option: int(),
});
