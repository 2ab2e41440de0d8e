import { lexSql, SqlScanner } from '../dialect/mysql/lexer.js';
import { zerofillWidth } from '../dialect/mysql/types.js';
import { isColumnsForm, splitValueList } from '../dialect/mysql/partition.js';
import { STORAGE_OPTIONS } from '../dialect/mysql/table-options.js';
import { TABLE_METHODS } from '../dsl/table.js';
import { checkName, foreignKeyName, indexName } from '../ir/names.js';
import { normalizeSchema } from '../ir/normalize.js';
import { assertNever, partNames } from '../ir/types.js';
import type {
  Check, Column, DefaultValue, ForeignKey, Index, NamingTemplates, Partitioning, SchemaIR, Table, Routine, SchemaEvent, Trigger,
  View,
} from '../ir/types.js';

/**
 * Writes a schema as a TypeScript file in the schema language (`schemac import`): reading
 * the file back gives the same normalised schema. Names equal to what the naming templates
 * give are left out; other names are written with `.name()`. The index InnoDB adds for a
 * foreign key is left out when the normaliser would add it back.
 */
export function writeDslFile(ir: SchemaIR, naming: NamingTemplates): string {
  const normalized = normalizeSchema(ir, naming);
  const views = normalized.views ?? [];
  const triggers = normalized.triggers ?? [];
  const vars = variableNames([...normalized.tables.map((t) => t.name), ...views.map((v) => v.name)]);
  const routines = normalized.routines ?? [];
  const triggerVars = variableNames([...vars.values(), ...triggers.map((t) => t.name)]);
  const events = normalized.events ?? [];
  const procedures = new Set(routines.filter((r) => r.type === 'PROCEDURE').map((r) => r.name));
  const routineKey = (r: Routine) => (r.type === 'FUNCTION' && procedures.has(r.name) ? `${r.name}_fn` : r.name);
  const routineVars = variableNames([...vars.values(), ...triggerVars.values(), ...routines.map(routineKey)]);
  const eventVars = variableNames([...vars.values(), ...triggerVars.values(), ...routineVars.values(), ...events.map((e) => e.name)]);
  const used = new Set<string>(normalized.tables.length ? ['table'] : []);
  const body = [...normalized.tables.map((t) => writeTable(t, vars, naming, used)), ...views.map((v) => writeView(v, vars, used)),
    ...triggers.map((t) => writeTrigger(t, vars, triggerVars, used)), ...routines.map((r) => writeRoutine(r, routineVars.get(routineKey(r))!, used)),
    ...events.map((e) => writeEvent(e, eventVars.get(e.name)!, used))].join('\n\n');
  const imports = [...used].sort();
  return `// Written by \`schemac import\`. Edit freely: this file is now the source of the schema.\n`
    + `import { ${imports.join(', ')} } from 'schemac';\n\n${body}\n`;
}

const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends false '
  + 'finally for function if import in instanceof new null return super switch this throw true try typeof var void while with '
  + 'yield let static implements interface package private protected public await arguments eval undefined').split(' '));

/** A JavaScript identifier for each table, unique, close to the table's name. */
function variableNames(tables: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  // The schema language's own names are imported into the file: tables never take them.
  const taken = new Set<string>(('table sql index unique check primaryKey foreignKey id tinyint smallint mediumint int bigint '
    + 'decimal float double boolean char varchar tinytext text mediumtext longtext binary varbinary tinyblob blob mediumblob '
    + 'longblob date time datetime timestamp year json enumOf setOf bit geometry point linestring polygon multipoint '
    + 'multilinestring multipolygon geometrycollection uuid inet6 inet4 serial fulltext spatial keyExpr t partitionByRange partitionByRangeColumns '
    + 'partitionByList partitionByListColumns partitionByHash partitionByKey lessThan valuesIn partition maxValue view trigger procedure storedFunction event').split(' '));
  for (const name of tables) {
    let base = name.replace(/[^A-Za-z0-9_$]/g, '_');
    if (/^[0-9]/.test(base) || base === '') base = '_' + base;
    if (RESERVED.has(base) || taken.has(base)) base += '_table';
    let v = base;
    for (let i = 2; taken.has(v); i++) v = `${base}${i}`;
    taken.add(v);
    out.set(name, v);
  }
  return out;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function str(value: string): string {
  return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    .replace(/\0/g, '\\0') + "'";
}

function key(name: string): string {
  // `__proto__: x` would set the object's prototype; the computed form makes a property.
  if (name === '__proto__') return `[${str(name)}]`;
  return IDENT.test(name) && !RESERVED.has(name) ? name : str(name);
}

function access(object: string, name: string): string {
  return IDENT.test(name) ? `${object}.${name}` : `${object}[${str(name)}]`;
}

/** MySQL/MariaDB reserved words that a column may be named after: kept quoted in expressions. */
const SQL_RESERVED = new Set(('accessible add all alter analyze and as asc asensitive before between bigint binary blob both by '
  + 'call cascade case change char character check collate column condition constraint continue convert create cross '
  + 'current_date current_time current_timestamp current_user cursor database databases day_hour day_microsecond '
  + 'day_minute day_second dec decimal declare default delayed delete desc describe deterministic distinct distinctrow '
  + 'div double drop dual each else elseif enclosed escaped except exists exit explain false fetch float for force foreign '
  + 'from fulltext generated get grant group having high_priority hour_microsecond hour_minute hour_second if ignore in '
  + 'index infile inner inout insensitive insert int integer intersect interval into is iterate join key keys kill lag '
  + 'lead leading leave left like limit linear lines load localtime localtimestamp lock long longblob longtext loop '
  + 'low_priority match maxvalue mediumblob mediumint mediumtext minute_microsecond minute_second mod modifies natural '
  + 'not null numeric of offset on optimize option optionally or order out outer outfile over partition precision primary '
  + 'procedure purge range rank read reads real recursive references regexp release rename repeat replace require '
  + 'restrict return returning revoke right rlike row rows schema schemas select sensitive separator set show signal '
  + 'smallint spatial specific sql sqlexception sqlstate sqlwarning ssl starting stored straight_join system table '
  + 'terminated then tinyblob tinyint tinytext to trailing trigger true undo union unique unlock unsigned update usage use '
  + 'using utc_date utc_time utc_timestamp values varbinary varchar varying virtual when where while window with write '
  + 'xor year_month zerofill').split(' '));

/**
 * `sql\`...\`` for an expression: quotes the server added around plain names are dropped
 * (`` `priority` > 0 `` → `priority > 0`); reserved words keep them, and a backtick or `${`
 * takes a backslash inside the template.
 */
function sqlTemplate(expr: string, used: Set<string>): string {
  used.add('sql');
  // Read with the dialect's lexer, so that neither a name like t``ick nor a backtick inside a
  // string or a comment is taken apart.
  let plain = '';
  let at = 0;
  const scan = new SqlScanner(expr);
  while (scan.next()) {
    if (scan.kind !== 'quoted' || scan.unterminated) continue;
    const id = scan.value();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id) || SQL_RESERVED.has(id.toLowerCase())) continue;
    plain += expr.slice(at, scan.start) + id;
    at = scan.end;
  }
  plain += expr.slice(at);
  // The tag reads `\`` as a backtick and keeps every other backslash: a backslash right before a
  // backtick or `${` has no spelling there.
  if (/\\(`|\$\{)/.test(plain)) throw new Error(`the expression ${expr} has a backslash before a backtick or \${, which a sql\`\` template cannot hold`);
  return 'sql`' + plain.replace(/[`]|\$\{/g, (m) => '\\' + m) + '`';
}

/**
 * `sql\`...\`` holding the text exactly (a view's SELECT: what the server stores is compared as
 * it is, so nothing is unquoted); a backtick or `${` takes a backslash.
 */
function verbatimSql(text: string, used: Set<string>): string {
  used.add('sql');
  if (/\\(`|\$\{)/.test(text)) throw new Error(`the SQL ${text} has a backslash before a backtick or \${, which a sql\`\` template cannot hold`);
  return 'sql`' + text.replace(/[`]|\$\{/g, (m) => '\\' + m) + '`';
}

/** `export const v = view('name', sql\`SELECT ...\`, { options that are not the defaults })`. */
function writeView(v: View, vars: Map<string, string>, used: Set<string>): string {
  used.add('view');
  const options = [
    ...(v.algorithm !== 'UNDEFINED' ? [`algorithm: ${str(v.algorithm.toLowerCase())}`] : []),
    ...(v.security !== 'DEFINER' ? [`security: ${str(v.security.toLowerCase())}`] : []),
    ...(v.checkOption !== 'NONE' ? [`checkOption: ${str(v.checkOption.toLowerCase())}`] : []),
  ];
  return `export const ${vars.get(v.name)} = view(${str(v.name)}, ${verbatimSql(v.select, used)}${options.length ? `, { ${options.join(', ')} }` : ''});`;
}

/** `export const t = trigger('name', { table, timing, event, sqlMode? }, sql\`body\`)`, the table by its variable. */
function writeTrigger(t: Trigger, vars: Map<string, string>, own: Map<string, string>, used: Set<string>): string {
  used.add('trigger');
  const table = vars.get(t.table) ?? str(t.table);
  const spec = [`table: ${table}`, `timing: ${str(t.timing.toLowerCase())}`, `event: ${str(t.event.toLowerCase())}`,
    ...(t.sqlMode !== undefined ? [`sqlMode: ${str(t.sqlMode)}`] : [])];
  return `export const ${own.get(t.name)} = trigger(${str(t.name)}, { ${spec.join(', ')} }, ${verbatimSql(t.body, used)});`;
}

/** `export const p = procedure('name', { options that are not the defaults }, sql\`body\`)`, or storedFunction(...). */
function writeRoutine(r: Routine, variable: string, used: Set<string>): string {
  const fn = r.type === 'FUNCTION' ? 'storedFunction' : 'procedure';
  used.add(fn);
  const options = [
    ...(r.params !== '' ? [`params: ${verbatimSql(r.params, used)}`] : []),
    ...(r.returns !== null ? [`returns: ${verbatimSql(r.returns, used)}`] : []),
    ...(r.deterministic ? ['deterministic: true'] : []),
    ...(r.dataAccess !== 'CONTAINS SQL' ? [`dataAccess: ${str(r.dataAccess.toLowerCase())}`] : []),
    ...(r.security !== 'DEFINER' ? [`security: ${str(r.security.toLowerCase())}`] : []),
    ...(r.comment !== '' ? [`comment: ${str(r.comment)}`] : []),
    ...(r.sqlMode !== undefined ? [`sqlMode: ${str(r.sqlMode)}`] : []),
  ];
  return `export const ${variable} = ${fn}(${str(r.name)}, { ${options.join(', ')} }, ${verbatimSql(r.body, used)});`;
}

/** `export const e = event('name', { schedule: sql\`...\`, options that are not the defaults }, sql\`body\`)`. */
function writeEvent(e: SchemaEvent, variable: string, used: Set<string>): string {
  used.add('event');
  const options = [`schedule: ${verbatimSql(e.schedule, used)}`,
    ...(e.preserve ? ['preserve: true'] : []),
    ...(e.status !== 'ENABLE' ? [`status: ${str(e.status.toLowerCase())}`] : []),
    ...(e.comment !== '' ? [`comment: ${str(e.comment)}`] : []),
    ...(e.sqlMode !== undefined ? [`sqlMode: ${str(e.sqlMode)}`] : [])];
  return `export const ${variable} = event(${str(e.name)}, { ${options.join(', ')} }, ${verbatimSql(e.body, used)});`;
}

function typeCall(c: Column, used: Set<string>): string {
  const t = c.type;
  const call = (fn: string, args = '') => {
    used.add(fn);
    return `${fn}(${args})`;
  };
  const unsigned = 'unsigned' in t && t.unsigned ? '.unsigned()' : '';
  switch (t.kind) {
    case 'int': return call(t.size) + (t.zerofill ? `.zerofill(${t.zerofill === zerofillWidth(t.size) ? '' : t.zerofill})` : unsigned);
    case 'decimal': return call('decimal', `${t.precision}, ${t.scale}`) + unsigned;
    case 'float': return call('float') + unsigned;
    case 'double': return call('double') + unsigned;
    case 'boolean': return call('boolean');
    case 'char': return call('char', String(t.length));
    case 'varchar': return call('varchar', String(t.length));
    case 'text': return call(t.size);
    case 'binary': return call('binary', String(t.length));
    case 'varbinary': return call('varbinary', String(t.length));
    case 'blob': return call(t.size);
    case 'date': return call('date');
    case 'time': return call('time', t.fsp ? String(t.fsp) : '');
    case 'datetime': return call('datetime', t.fsp ? String(t.fsp) : '');
    case 'timestamp': return call('timestamp', t.fsp ? String(t.fsp) : '');
    case 'year': return call('year');
    case 'json': return call('json');
    case 'enum': return call('enumOf', `[${t.values.map(str).join(', ')}]`);
    case 'set': return call('setOf', `[${t.values.map(str).join(', ')}]`);
    case 'bit': return call('bit', t.length === 1 ? '' : String(t.length));
    case 'uuid': case 'inet6': case 'inet4': return call(t.kind);
    case 'geometry': return call(t.shape) + (t.srid === null ? '' : `.srid(${t.srid})`);
    default: return assertNever(t, 'type');
  }
}

function defaultArg(c: Column, d: DefaultValue, used: Set<string>): string {
  switch (d.kind) {
    case 'null': return 'null';
    case 'string': return str(d.value);
    case 'number':
      if (c.type.kind === 'boolean' && (d.value === '0' || d.value === '1')) return d.value === '1' ? 'true' : 'false';
      return String(Number(d.value)) === d.value ? d.value : str(d.value);
    case 'expr': return sqlTemplate(d.sql, used);
    case 'now': return ''; // written as .defaultNow()
    default: return assertNever(d, 'default');
  }
}

function writeTable(t: Table, vars: Map<string, string>, naming: NamingTemplates, used: Set<string>): string {
  const self = vars.get(t.name)!;
  const pk = t.primaryKey?.columns ?? [];
  const pkOnColumns = pk.length > 0 && t.primaryKey?.comment === undefined
    && pk.every((c, i) => t.columns.filter((x) => pk.includes(x.name))[i]?.name === c);
  const items: string[] = [];
  const inlineUnique = new Set<Index>();
  const inlineFk = new Set<ForeignKey>();

  // Indexes the normaliser adds back for a foreign key are left out.
  const implied = new Set<Index>();
  for (const fk of t.foreignKeys) {
    const ix = t.indexes.find((i) => i.name === fk.name && !i.unique && plainIndex(i) && i.parts.length === fk.columns.length
      && i.parts.every((p, k) => p.column === fk.columns[k] && p.length === undefined && !p.desc));
    if (!ix) continue;
    const covered = (cols: readonly string[]) => fk.columns.every((c, k) => cols[k] === c);
    const others = t.indexes.filter((i) => i !== ix && i.type === undefined && i.parts.every((p) => p.length === undefined));
    if (!covered(pk) && !others.some((i) => covered(i.parts.map((p) => p.column)))) implied.add(ix);
  }

  const columns = t.columns.map((c) => {
    const isId = pkOnColumns && pk.length === 1 && pk[0] === c.name && c.type.kind === 'int' && !c.type.zerofill && c.autoIncrement && !c.nullable
      && c.default === null && !c.generated && c.comment === null && !c.onUpdateNow;
    let out: string;
    const uniqueKey = t.indexes.find((i) => i.unique && i.parts.length === 1 && i.parts[0].column === c.name
      && i.parts[0].length === undefined && !i.parts[0].desc && !inlineUnique.has(i));
    const isSerial = !isId && c.type.kind === 'int' && c.type.size === 'bigint' && c.type.unsigned && !c.type.zerofill
      && !c.nullable && c.autoIncrement && !pk.includes(c.name) && uniqueKey !== undefined
      && uniqueKey.name === indexName(naming, t.name, [c.name], true);
    if (isSerial) {
      used.add('serial');
      out = 'serial()';
      inlineUnique.add(uniqueKey);
    } else if (isId) {
      used.add('id');
      const size = c.type.kind === 'int' ? c.type.size : 'int';
      out = `id(${size === 'int' ? '' : `{ type: '${size}' }`})` + (c.type.kind === 'int' && c.type.unsigned ? '.unsigned()' : '');
    } else {
      out = typeCall(c, used);
      if (pkOnColumns && pk.includes(c.name)) out += '.primaryKey()';
      else if (!c.nullable) out += '.notNull()';
      if (c.autoIncrement) out += '.autoIncrement()';
    }
    if (c.default) out += c.default.kind === 'now' ? '.defaultNow()' : `.default(${defaultArg(c, c.default, used)})`;
    if (c.onUpdateNow) out += '.onUpdateNow()';
    if (c.generated) out += `.generatedAs(${sqlTemplate(c.generated.expr, used)}${c.generated.stored ? ', { stored: true }' : ''})`;
    if (c.charset) out += `.charset(${str(c.charset)})`;
    if (c.collate) out += `.collate(${str(c.collate)})`;
    if (c.invisible) out += '.invisible()';
    if (c.compressed) out += '.compressed()';
    if (c.comment !== null) out += `.comment(${str(c.comment)})`;
    const unique = t.indexes.find((i) => i.unique && plainIndex(i) && i.parts.length === 1 && i.parts[0].column === c.name
      && i.parts[0].length === undefined && !i.parts[0].desc && !inlineUnique.has(i));
    if (unique) {
      inlineUnique.add(unique);
      out += unique.name === indexName(naming, t.name, [c.name], true) ? '.unique()' : `.unique(${str(unique.name)})`;
    }
    const fk = t.foreignKeys.find((f) => f.columns.length === 1 && f.columns[0] === c.name && vars.has(f.refTable) && !inlineFk.has(f));
    if (fk) {
      inlineFk.add(fk);
      const opts = fkOptions(fk, t.name, naming);
      out += `.references(() => ${access(vars.get(fk.refTable)!, fk.refColumns[0])}${opts ? `, ${opts}` : ''})`;
    }
    return `  ${key(c.name)}: ${out},`;
  });

  const ref = (c: string) => access('t', c);
  if (pk.length > 0 && !pkOnColumns) {
    used.add('primaryKey');
    const comment = t.primaryKey?.comment;
    items.push(`primaryKey(${pk.map(ref).join(', ')})${comment !== undefined ? `.comment(${str(comment)})` : ''}`);
  }
  for (const ix of t.indexes) {
    if (inlineUnique.has(ix) || implied.has(ix)) continue;
    items.push(writeIndex(ix, t.name, naming, used, ref));
  }
  for (const fk of t.foreignKeys) {
    if (inlineFk.has(fk)) continue;
    if (!vars.has(fk.refTable)) throw new Error(`foreign key ${fk.name} of ${t.name} references ${fk.refTable}, which is not in the schema`);
    used.add('foreignKey');
    const target = vars.get(fk.refTable)!;
    const actions = [fk.onDelete !== 'RESTRICT' ? `onDelete: '${fk.onDelete.toLowerCase()}'` : '',
      fk.onUpdate !== 'RESTRICT' ? `onUpdate: '${fk.onUpdate.toLowerCase()}'` : ''].filter(Boolean);
    const auto = foreignKeyName(naming, t.name, fk.columns, fk.refTable, fk.refColumns);
    items.push(`foreignKey({ columns: [${fk.columns.map(ref).join(', ')}], references: [${fk.refColumns.map((c) => access(target, c)).join(', ')}]`
      + `${actions.length ? ', ' + actions.join(', ') : ''} })${fk.name === auto ? '' : `.name(${str(fk.name)})`}`);
  }
  for (const ck of t.checks) items.push(writeCheck(ck, t.name, naming, used));
  if (t.partitioning) items.push(writePartitioning(t.partitioning, ref, used));

  // Each option as its method's name and argument (the same text for a TableSpec key).
  const options: Array<[string, string]> = [];
  if (t.options.engine) options.push(['engine', str(t.options.engine)]);
  if (t.options.charset) options.push(['charset', str(t.options.charset)]);
  if (t.options.collate) options.push(['collate', str(t.options.collate)]);
  if (t.options.comment !== null) options.push(['comment', str(t.options.comment)]);
  for (const f of STORAGE_OPTIONS) {
    const v = t.options[f.key];
    if (v !== undefined) options.push([f.key, typeof v === 'string' ? str(v) : String(v)]);
  }
  const other = t.options.other ?? [];
  // A column named like an option method takes its place: the options then go with the name.
  const hidden = t.columns.some((c) => TABLE_METHODS.includes(c.name)
    && (options.some(([k]) => k === c.name) || (c.name === 'option' && other.length > 0)));
  const otherValue = (v: string) => (/^\d+$/.test(v) && String(Number(v)) === v && Number.isSafeInteger(Number(v)) ? v : str(v));
  const spec = [...options.map(([k, v]) => `${k}: ${v}`),
    ...(other.length ? [`options: { ${other.map((x) => `${key(x.name)}: ${otherValue(x.value)}`).join(', ')} }`] : [])];
  const head = hidden ? `{ name: ${str(t.name)}, ${spec.join(', ')} }` : str(t.name);
  let text = `export const ${self} = table(${head}, {\n${columns.join('\n')}\n}`;
  if (items.length) text += `, (t) => [\n${items.map((i) => `  ${i},`).join('\n')}\n]`;
  text += ')';
  if (!hidden) {
    for (const [k, v] of options) text += `.${k}(${v})`;
    for (const x of other) text += `.option(${str(x.name)}, ${otherValue(x.value)})`;
  }
  return text + ';';
}

/** An index with none of the options an ordinary index goes without. */
function plainIndex(ix: Index): boolean {
  return ix.type === undefined && ix.parser === undefined && ix.using === undefined && ix.keyBlockSize === undefined
    && ix.comment === undefined && !ix.hidden;
}

/** `index(t.a, t.b.prefix(10).desc())`, `fulltext(t.title).parser('ngram')`, ... with the options it has. */
function writeIndex(ix: Index, table: string, naming: NamingTemplates, used: Set<string>, ref: (c: string) => string): string {
  const fn = ix.type ?? (ix.unique ? 'unique' : 'index');
  used.add(fn);
  const auto = indexName(naming, table, partNames(ix.parts), ix.unique);
  const parts = ix.parts.map((p) => {
    if (p.expr !== undefined) {
      if (!p.desc) return sqlTemplate(p.expr, used);
      used.add('keyExpr');
      return `keyExpr(${sqlTemplate(p.expr, used)}).desc()`;
    }
    return ref(p.column) + (p.length !== undefined ? `.prefix(${p.length})` : '') + (p.desc ? '.desc()' : '');
  });
  let out = `${fn}(${parts.join(', ')})`;
  if (ix.name !== auto) out += `.name(${str(ix.name)})`;
  if (ix.parser !== undefined) out += `.parser(${str(ix.parser)})`;
  if (ix.using !== undefined) out += `.using(${str(ix.using.toLowerCase())})`;
  if (ix.keyBlockSize !== undefined) out += `.keyBlockSize(${ix.keyBlockSize})`;
  if (ix.comment !== undefined) out += `.comment(${str(ix.comment)})`;
  if (ix.hidden) out += '.invisible()';
  return out;
}

/** A partition's value as the DSL writes it: a number, a string, null, maxValue, an array (a tuple), else sql`...`. */
function partitionValue(text: string, used: Set<string>): string {
  const v = text.trim();
  if (v.toUpperCase() === 'MAXVALUE') {
    used.add('maxValue');
    return 'maxValue';
  }
  if (v.toUpperCase() === 'NULL') return 'null';
  if (/^-?\d+(\.\d+)?$/.test(v) && String(Number(v)) === v) return v;
  const { tokens, error } = lexSql(v);
  if (!error && tokens.length === 1 && tokens[0].kind === 'string' && tokens[0].text === v) return str(tokens[0].value);
  if (!error && v.startsWith('(') && v.endsWith(')') && tokens.length > 2) {
    const inner = v.slice(1, -1);
    const parts = splitValueList(inner);
    if (parts.length > 0 && parts.every((p) => !p.startsWith('('))) return `[${parts.map((p) => partitionValue(p, used)).join(', ')}]`;
  }
  return sqlTemplate(v, used);
}

function writePartitioning(p: Partitioning, ref: (c: string) => string, used: Set<string>): string {
  const by = p.by;
  const columnsForm = isColumnsForm(by);
  const defs = p.partitions.map((d) => {
    let call: string;
    if (d.lessThan) {
      used.add('lessThan');
      call = `lessThan(${[str(d.name), ...d.lessThan.map((v) => partitionValue(v, used))].join(', ')})`;
    } else if (d.values) {
      used.add('valuesIn');
      call = `valuesIn(${[str(d.name), ...d.values.map((v) => partitionValue(v, used))].join(', ')})`;
    } else {
      used.add('partition');
      call = `partition(${str(d.name)})`;
    }
    if (d.comment !== undefined) call += `.comment(${str(d.comment)})`;
    if (d.subpartitions) call += `.subpartitions(${d.subpartitions.map(str).join(', ')})`;
    return call;
  });
  const list = `[${defs.join(', ')}]`;
  const sub: string[] = [];
  if (p.subBy) {
    if (p.subBy.method === 'HASH') sub.push(`subpartitionByHash: ${sqlTemplate(p.subBy.expr ?? '', used)}`);
    else sub.push(`subpartitionByKey: [${(p.subBy.columns ?? []).map(ref).join(', ')}]`);
    if (p.subBy.count !== undefined) sub.push(`subpartitions: ${p.subBy.count}`);
    if (p.subBy.linear) sub.push('linearSubpartitions: true');
  }
  const subArg = sub.length ? `, { ${sub.join(', ')} }` : '';
  const fn = (name: string) => {
    used.add(name);
    return name;
  };
  switch (by.method) {
    case 'RANGE': case 'LIST': {
      const name = `partitionBy${by.method === 'RANGE' ? 'Range' : 'List'}${columnsForm ? 'Columns' : ''}`;
      const head = columnsForm ? `[${(by.columns ?? []).map(ref).join(', ')}]` : sqlTemplate(by.expr ?? '', used);
      return `${fn(name)}(${head}, ${list}${subArg})`;
    }
    case 'HASH': case 'KEY': {
      const opts: string[] = [];
      if (by.count !== undefined) opts.push(`partitions: ${by.count}`);
      else if (p.partitions.length) opts.push(`partitions: [${p.partitions.map((d) => str(d.name)).join(', ')}]`);
      if (by.linear) opts.push('linear: true');
      if (p.partitions.some((d) => Object.keys(d).length > 1)) {
        throw new Error(`the partitions of ${by.method} partitioning have options the schema language cannot express yet`);
      }
      const head = by.method === 'HASH' ? sqlTemplate(by.expr ?? '', used) : `[${(by.columns ?? []).map(ref).join(', ')}]`;
      return `${fn(by.method === 'HASH' ? 'partitionByHash' : 'partitionByKey')}(${head}${opts.length ? `, { ${opts.join(', ')} }` : ''})`;
    }
    default: return assertNever(by.method, 'partition method');
  }
}

function fkOptions(fk: ForeignKey, table: string, naming: NamingTemplates): string {
  const parts: string[] = [];
  if (fk.onDelete !== 'RESTRICT') parts.push(`onDelete: '${fk.onDelete.toLowerCase()}'`);
  if (fk.onUpdate !== 'RESTRICT') parts.push(`onUpdate: '${fk.onUpdate.toLowerCase()}'`);
  if (fk.name !== foreignKeyName(naming, table, fk.columns, fk.refTable, fk.refColumns)) parts.push(`name: ${str(fk.name)}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '';
}

function writeCheck(ck: Check, table: string, naming: NamingTemplates, used: Set<string>): string {
  used.add('check');
  // A name the template would give from a label is written as that label.
  const prefix = checkName(naming, table, '\u0000').split('\u0000')[0];
  const label = ck.name.startsWith(prefix) && ck.name.length > prefix.length ? ck.name.slice(prefix.length) : ck.name;
  const named = checkName(naming, table, label) === ck.name ? '' : `.name(${str(ck.name)})`;
  return `check(${str(label)}, ${sqlTemplate(ck.expr, used)})${named}${ck.enforced === false ? '.notEnforced()' : ''}`;
}
