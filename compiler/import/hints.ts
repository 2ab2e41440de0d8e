import type { Token as SqlComment } from '../dialect/mysql/lexer.js';

const RENAMED = /@renamed\s+from\s*=\s*(?:`((?:[^`]|``)+)`|"((?:[^"]|"")+)"|'((?:[^']|'')+)'|([^\s*]+))/i;

/**
 * The previous name in a rename hint, sqldef's annotation for the DDL files it diffs:
 * `-- @renamed from=old_name` or `/* @renamed from="old name" *\/`, written in the table
 * header or after a column definition. Returns the name from the first such comment in
 * [from, to), or null.
 */
export function renamedFrom(comments: readonly SqlComment[], from: number, to: number): string | null {
  for (const c of comments) {
    if (c.start < from || c.start >= to) continue;
    const m = RENAMED.exec(c.text);
    if (!m) continue;
    if (m[1] !== undefined) return m[1].replace(/``/g, '`');
    if (m[2] !== undefined) return m[2].replace(/""/g, '"');
    if (m[3] !== undefined) return m[3].replace(/''/g, '\'');
    return m[4];
  }
  return null;
}
