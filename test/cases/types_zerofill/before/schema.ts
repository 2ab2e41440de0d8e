import { table, id, int, smallint, tinyint } from 'schemac';

export const invoice = table('invoice', {
  id: id(),
  number: int().notNull().zerofill(),
  branch: smallint().unsigned(),
  flag: tinyint().zerofill(1),
});
