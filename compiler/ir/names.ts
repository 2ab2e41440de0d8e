import { createHash } from 'node:crypto';
import type { NamingTemplates } from './types.js';

/** MySQL and MariaDB limit identifiers to 64 characters (MYSQL-NOTES §1). */
export const MAX_IDENTIFIER = 64;

/**
 * Fills a naming template (`fk_{table}_{columns}_{refTable}`) and fits the result in 64
 * characters: a longer name is cut and ends in `_` plus the first 8 hex digits of the SHA-256
 * of the full name, so it stays unique and deterministic (SPEC §4).
 */
export function applyTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  const full = template.replace(/\{(\w+)\}/g, (m, key: string) => (key in vars ? vars[key] : m));
  return fitName(full);
}

/** Cuts a name to 64 characters with a hash suffix when it is longer. */
export function fitName(full: string): string {
  if ([...full].length <= MAX_IDENTIFIER) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return [...full].slice(0, MAX_IDENTIFIER - 9).join('') + '_' + hash;
}

export function indexName(templates: NamingTemplates, table: string, columns: readonly string[], unique: boolean): string {
  return applyTemplate(unique ? templates.unique : templates.index, { table, columns: columns.join('_') });
}

export function foreignKeyName(templates: NamingTemplates, table: string, columns: readonly string[],
  refTable: string, refColumns: readonly string[]): string {
  return applyTemplate(templates.fk, { table, columns: columns.join('_'), refTable, refColumns: refColumns.join('_') });
}

export function checkName(templates: NamingTemplates, table: string, label: string): string {
  return applyTemplate(templates.check, { table, name: label });
}
