import { table, id, int, check, sql } from 'schemac';

// The rename is followed whatever case the expressions spell the old name in.
export const t = table('t', {
  id: id(),
  cost: int().notNull().renamedFrom('price'),
  twice: int().generatedAs(sql`cost * 2`),
}, (t) => [check('positive', sql`cost > 0`)]);
