import { datetime } from 'schemac';

/** Audit columns shared by most tables (spread into each table's columns). */
export const timestamps = {
  created_at: datetime().notNull().defaultNow(),
  updated_at: datetime().notNull().defaultNow().onUpdateNow(),
};
