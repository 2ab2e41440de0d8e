import { table, int, varchar, primaryKey } from 'schemac';

export const friends = table('friends', {
  user_id: int().notNull(),
  friend_id: int().notNull(),
  note: varchar(20),
}, (t) => [primaryKey(t.user_id, t.friend_id).comment('who knows whom')]);
