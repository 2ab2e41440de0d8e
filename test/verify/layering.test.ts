import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Every compiled module under dist/<dir>, by path relative to dist/. */
function modules(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) out.push(relative(join(ROOT, 'dist'), p).replace(/\\/g, '/'));
    }
  };
  walk(join(ROOT, 'dist', dir));
  // A module whose source is gone is a stale build output (tsc never removes one), not the code.
  return out.filter((f) => existsSync(join(ROOT, f.replace(/\.js$/, '.ts')))).sort();
}

/** A module's own static imports: modules by path relative to dist/, packages as `package:name`. */
function importsOf(file: string): string[] {
  const abs = join(ROOT, 'dist', file);
  const out: string[] = [];
  for (const m of readFileSync(abs, 'utf8').matchAll(STATIC_IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith('.')) out.push(relative(join(ROOT, 'dist'), resolve(dirname(abs), spec)).replace(/\\/g, '/'));
    else out.push(`package:${spec.startsWith('node:') ? spec : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`);
  }
  return out;
}

/** What the compiler may give the runtime (README, Layout). */
const RUNTIME_MAY_USE = ['compiler/ir/', 'compiler/dialect/', 'compiler/diff/', 'compiler/plan/', 'compiler/project/',
  'compiler/config.js', 'compiler/diagnostics.js', 'compiler/position.js', 'compiler/emit/render.js', 'compiler/emit/sum.js'];

/** The source text without comments (for the few rules read from the sources). */
const code = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

describe('the layering the README states', () => {
  const compiler = modules('compiler');
  const runtime = modules('runtime');
  const bin = modules('bin');

  it('finds the modules it checks', () => {
    expect(compiler).toContain('compiler/dialect/mysql/types.js');
    expect(runtime).toContain('runtime/connection.js');
    expect(bin).toContain('bin/cli.js');
  });

  it('compiler/ never imports runtime/ or mysql2', () => {
    const bad = compiler.flatMap((f) => importsOf(f).filter((i) => i.startsWith('runtime/') || i === 'package:mysql2').map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('runtime/ imports from the compiler only the IR, diagnostics, config, dialect, diff, plan, project I/O and emit\'s layout and sum', () => {
    const bad = runtime.flatMap((f) => importsOf(f).filter((i) => i.startsWith('compiler/') && !RUNTIME_MAY_USE.some((p) => i.startsWith(p)))
      .map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('no runtime module reaches the TypeScript compiler, ts-morph or yargs', () => {
    const bad = runtime.flatMap((f) => [...staticGraph(join(ROOT, 'dist', f))]
      .filter((i) => i === 'package:ts-morph' || i === 'package:typescript' || i === 'package:yargs' || i.startsWith('compiler/parse/'))
      .map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('only runtime/connection.ts imports mysql2', () => {
    const users = [...compiler, ...runtime, ...bin].filter((f) => importsOf(f).includes('package:mysql2'));
    expect(users).toEqual(['runtime/connection.js']);
  });

  it('only parse/, project/, emit/ and the package version touch the file system in compiler/ and runtime/', () => {
    const fs = [...compiler, ...runtime].filter((f) => importsOf(f).some((i) => i === 'package:node:fs' || i === 'package:fs' || i === 'package:node:fs/promises'));
    expect(fs.filter((f) => !/^compiler\/(parse|project|emit)\//.test(f) && f !== 'compiler/version.js')).toEqual([]);
    expect(fs).toContain('compiler/project/generated.js');
  });

  it('only bin/ reads the environment or the command line', () => {
    const sources = [...compiler, ...runtime].map((f) => f.replace(/\.js$/, '.ts'));
    expect(sources.filter((f) => /\bprocess\.(env|argv)\b/.test(code(f)))).toEqual([]);
    expect(/\bprocess\.env\b/.test(code('bin/commands/up.ts'))).toBe(true);
  });
});

describe('every switch on a kind is exhaustive (ARCHITECTURE, style 2)', () => {
  it('each `switch (x.kind)` of compiler/ (the schema reader aside: TypeScript syntax kinds) and runtime/ ends in assertNever', () => {
    const sources = [...modules('compiler'), ...modules('runtime')].map((f) => f.replace(/\.js$/, '.ts')).filter((f) => !f.startsWith('compiler/parse/'));
    const open: string[] = [];
    for (const file of sources) {
      const text = code(file);
      for (const m of text.matchAll(/switch \(([\w.]+\.kind)\) \{/g)) {
        let depth = 1;
        let i = m.index! + m[0].length;
        for (; depth > 0 && i < text.length; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
        const body = text.slice(m.index!, i);
        if (!/assertNever\(|: never\b/.test(body)) open.push(`${file}:${text.slice(0, m.index!).split('\n').length}: switch (${m[1]})`);
      }
    }
    expect(open).toEqual([]);
    expect(sources).toContain('compiler/dialect/mysql/sql.ts');
  });
});
