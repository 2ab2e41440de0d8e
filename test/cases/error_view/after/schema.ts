import { table, id, varchar, view, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
});

export const clash = view('member', sql`SELECT id FROM member`);

export const twice = view('names', sql`SELECT name FROM member`);

export const again = view('NAMES', sql`SELECT name FROM member`);

export const notSelect = view('wipe', sql`DELETE FROM member`);

export const two = view('two', sql`SELECT 1; SELECT 2`);

export const badOption = view('bad', sql`SELECT 1`, { algorithm: 'fast' as any });

const hidden = view('hidden', sql`SELECT 1`);
