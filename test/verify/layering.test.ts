import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../helpers/compile.js';

/*
 * verify and test-migrations use only the generated folder: their static imports never reach
 * the schema-file parser (compiler/parse, ts-morph) nor the SQL importer. diff loads those
 * lazily (dynamic import) for the sources that need them.
 */

const STATIC_IMPORT = /(?:^|[;\n])\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;

/** Every module a file loads before running anything: relative files (under dist/) and package names. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [resolve(entry)];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!existsSync(target)) throw new Error(`${file} imports ${spec}, which does not exist`);
        todo.push(target);
      } else {
        seen.add(`package:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`);
      }
    }
  }
  return new Set([...seen].map((f) => (f.startsWith('package:') ? f : relative(join(ROOT, 'dist'), f).replace(/\\/g, '/'))));
}

describe('layering', () => {
  it.each(['bin/commands/verify.js', 'bin/commands/test-migrations.js', 'bin/commands/diff.js'])('%s does not load the parser statically', (entry) => {
    const graph = [...staticGraph(join(ROOT, 'dist', entry))];
    expect(graph).toContain(entry);
    expect(graph.filter((f) => f.startsWith('compiler/parse/') || f.startsWith('compiler/import/') || f === 'package:ts-morph'
      || f === 'package:typescript' || f === 'package:node-sql-parser')).toEqual([]);
  });

  it('the graph walker sees through to the compiler modules verify uses', () => {
    const graph = staticGraph(join(ROOT, 'dist', 'bin/commands/verify.js'));
    expect(graph.has('compiler/diff/diff.js')).toBe(true);
    expect(graph.has('runtime/introspect.js')).toBe(true);
    expect(graph.has('package:mysql2')).toBe(true);
  });
});
