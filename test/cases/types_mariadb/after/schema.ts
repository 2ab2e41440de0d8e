import { table, id, uuid, inet6, inet4, char } from 'schemac';

export const session = table('session', {
  id: id(),
  token: uuid().notNull().default('a0eebc999c0b4ef8bb6d6bb9bd380a11').unique(),
  ip: inet6().default('::FFFF:10.0.0.1'),
  ip4: inet4().notNull().default('010.0.0.1'),
  code: char(36),
});

export const client = table('client', {
  id: uuid().primaryKey(),
  session_token: uuid().references(() => session.token),
  last_ip: inet6().notNull().default('2001:0db8:0000:0000:0000:0000:0000:0001'),
});
