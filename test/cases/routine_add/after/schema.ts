import { table, id, varchar, decimal, view, procedure, storedFunction, sql } from 'schemac';

export const item = table('item', {
  id: id(),
  name: varchar(64).notNull(),
  price: decimal(10, 2).notNull(),
});

export const net = storedFunction('net_price', { params: sql`p DECIMAL(10,2)`, returns: sql`DECIMAL(10,2)`, deterministic: true, dataAccess: 'no sql' },
  sql`RETURN p * 0.8`);

// A view that calls the function: created after it, dropped before it.
export const itemNet = view('item_net', sql`SELECT id, net_price(price) AS net FROM item`);

export const discount = procedure('discount', { params: sql`IN p_id INT, IN p_pct INT`, dataAccess: 'modifies sql data', comment: 'lowers a price' }, sql`
BEGIN
  UPDATE item SET price = price * (100 - p_pct) / 100 WHERE id = p_id;
  SELECT price FROM item WHERE id = p_id;
END`);
