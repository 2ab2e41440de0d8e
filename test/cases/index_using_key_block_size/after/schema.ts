import { table, id, int, varchar, text, index, unique, fulltext, spatial } from 'schemac';

export const cache = table('cache', {
  id: id(),
  k: varchar(40).notNull(),
  n: int(),
}, (t) => [index(t.k).using('btree').name('ix_cache_k'), index(t.n).name('ix_cache_n')]).engine('MEMORY');

export const legacy = table('legacy', {
  id: id(),
  note: varchar(40),
}, (t) => [index(t.note).keyBlockSize(2048).name('ix_legacy_note')]).engine('MyISAM');
