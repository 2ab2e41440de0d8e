import { createHash } from 'node:crypto';

/** A migration file's name and text. */
export interface MigrationFile {
  readonly name: string;
  readonly text: string;
}

function h1(data: string): string {
  return 'h1:' + createHash('sha256').update(data).digest('base64');
}

/**
 * `schemac.sum`: the first line hashes the whole chain, then one line per file with its own
 * hash. Each file's entry folds in the previous total, so two branches that each add a
 * migration change the same first line and conflict in git instead of merging silently.
 */
export function renderSum(files: readonly MigrationFile[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let total = '';
  const lines: string[] = [];
  for (const f of sorted) {
    const hash = h1(f.text);
    lines.push(`${f.name} ${hash}`);
    total = h1(total + f.name + hash);
  }
  return [total || h1(''), ...lines].join('\n') + '\n';
}

/** Parses `schemac.sum` into the chain total and the hash of each file. */
export function parseSum(text: string): { total: string; files: Map<string, string> } {
  const [total = '', ...rest] = text.split('\n').filter((l) => l.trim() !== '');
  const files = new Map<string, string>();
  for (const line of rest) {
    const i = line.lastIndexOf(' ');
    if (i > 0) files.set(line.slice(0, i), line.slice(i + 1));
  }
  return { total, files };
}

/** The hash a file must have in the sum (for `up`'s integrity check). */
export function fileHash(text: string): string {
  return h1(text);
}
