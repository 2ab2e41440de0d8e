import { table, id, int } from 'schemac';

export const t = table('t', {
  id: id(),
  price: int(),
});
