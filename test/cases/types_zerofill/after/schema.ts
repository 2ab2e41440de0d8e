import { table, id, int, smallint, bigint, tinyint } from 'schemac';

export const invoice = table('invoice', {
  id: id(),
  number: int().notNull().zerofill(8),
  branch: smallint().zerofill(),
  flag: tinyint().unsigned(),
  big: bigint().zerofill().default(42),
});
