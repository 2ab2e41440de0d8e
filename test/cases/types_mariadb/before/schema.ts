import { table, id, uuid, inet6, char } from 'schemac';

export const session = table('session', {
  id: id(),
  token: uuid().notNull().default('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'),
  ip: inet6(),
  code: char(36),
});
