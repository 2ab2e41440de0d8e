import { table, id, uuid, inet6, inet4 } from 'schemac';

export const login = table('login', {
  id: id(),
  token: uuid().notNull(),
  ip: inet6(),
  ip4: inet4(),
});
