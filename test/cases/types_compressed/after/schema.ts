import { table, id, text, varchar, blob, json, varbinary } from 'schemac';

export const doc = table('doc', {
  id: id(),
  body: text().compressed(),
  title: varchar(200).notNull().default('untitled'),
  raw: blob().compressed(),
  meta: json().compressed(),
  digest: varbinary(64).compressed().charset('binary'),
});
