import { checkClause, columnSql, foreignKeyClause, identList, indexClause, tableOptionsSql } from '../dialect/mysql/sql.js';
import { assertNever, type Routine, type SchemaEvent, type Trigger, type View } from '../ir/types.js';
import { partitionClauseSql } from '../dialect/mysql/partition.js';
import type { Change } from './changes.js';
import type { ServerProfile } from '../dialect/mysql/server.js';

/** One change as a line: what differs, with the definitions on both sides where there are two
 * (`server`: the profile index options are spelled for; the config's default without one). */
export function describeChange(change: Change, server?: ServerProfile): string {
  switch (change.kind) {
    case 'createTable': return `add table ${change.table.name}`;
    case 'dropTable': return `drop table ${change.table.name}`;
    case 'renameTable': return `rename table ${change.from} to ${change.to}`;
    case 'addColumn': return `add column ${change.table}.${change.column.name}: ${columnSql(change.column)}`;
    case 'dropColumn': return `drop column ${change.table}.${change.column.name} (was ${columnSql(change.column)})`;
    case 'renameColumn': return `rename column ${change.table}.${change.from} to ${change.to}`;
    case 'reorderColumns':
      return `move column${change.moved.length > 1 ? 's' : ''} ${change.moved.map((c) => `${change.table}.${c}`).join(', ')}: `
        + `order ${change.fromOrder.map((c) => c.name).join(', ')} -> ${change.toOrder.map((c) => c.name).join(', ')}`;
    case 'modifyColumn': return `modify column ${change.table}.${change.to.name}: ${columnSql(change.from)} -> ${columnSql(change.to)}`;
    case 'addIndex': return `add index ${change.table}.${change.index.name}: ${indexClause(change.index, server)}`;
    case 'dropIndex': return `drop index ${change.table}.${change.index.name} (was ${indexClause(change.index, server)})`;
    case 'renameIndex': return `rename index ${change.table}.${change.from.name} to ${change.to.name}`;
    case 'replaceIndex': return `change index ${change.table}.${change.to.name}: ${indexClause(change.from, server)} -> ${indexClause(change.to, server)}`;
    case 'addForeignKey': return `add foreign key ${change.table}.${change.foreignKey.name}: ${foreignKeyClause(change.foreignKey)}`;
    case 'dropForeignKey': return `drop foreign key ${change.table}.${change.foreignKey.name} (was ${foreignKeyClause(change.foreignKey)})`;
    case 'addCheck': return `add check ${change.table}.${change.check.name}: ${checkClause(change.check)}`;
    case 'dropCheck': return `drop check ${change.table}.${change.check.name} (was ${checkClause(change.check)})`;
    case 'setPrimaryKey':
      return `change primary key of ${change.table}: ${change.from ? identList(change.from.columns) : 'none'} -> ${change.to ? identList(change.to.columns) : 'none'}`;
    case 'alterOptions':
      return `change options of ${change.table}: ${tableOptionsSql(change.from) || '(server defaults)'} -> ${tableOptionsSql(change.to) || '(server defaults)'}`;
    case 'setPartitioning':
      return `change partitioning of ${change.table}: ${change.from ? partitionClauseSql(change.from) : 'none'} -> ${change.to ? partitionClauseSql(change.to) : 'none'}`;
    case 'createView': return `add view ${change.view.name}: ${viewLine(change.view)}`;
    case 'dropView': return `drop view ${change.view.name} (was ${viewLine(change.view)})`;
    case 'alterView': return `change view ${change.to.name}: ${viewLine(change.from)} -> ${viewLine(change.to)}`;
    case 'createTrigger': return `add trigger ${change.trigger.name}: ${triggerLine(change.trigger)}`;
    case 'dropTrigger': return `drop trigger ${change.trigger.name} (was ${triggerLine(change.trigger)})`;
    case 'alterTrigger': return `change trigger ${change.to.name}: ${triggerLine(change.from)} -> ${triggerLine(change.to)}`;
    case 'createRoutine': return `add ${routineKind(change.routine)} ${change.routine.name}: ${routineLine(change.routine)}`;
    case 'dropRoutine': return `drop ${routineKind(change.routine)} ${change.routine.name} (was ${routineLine(change.routine)})`;
    case 'alterRoutine': return `change ${routineKind(change.to)} ${change.to.name}: ${routineLine(change.from)} -> ${routineLine(change.to)}`;
    case 'createEvent': return `add event ${change.event.name}: ${eventLine(change.event)}`;
    case 'dropEvent': return `drop event ${change.event.name} (was ${eventLine(change.event)})`;
    case 'alterEvent': return `change event ${change.to.name}: ${eventLine(change.from)} -> ${eventLine(change.to)}`;
    default: return assertNever(change, 'change');
  }
}


/** A view's options and SELECT on one line. */
function viewLine(v: View): string {
  const options = [v.algorithm !== 'UNDEFINED' ? `algorithm ${v.algorithm}` : '', v.security !== 'DEFINER' ? `security ${v.security}` : '',
    v.checkOption !== 'NONE' ? `${v.checkOption} check option` : ''].filter(Boolean);
  return (options.length ? `[${options.join(', ')}] ` : '') + v.select.replace(/\s+/g, ' ');
}

/** A trigger on one line: when it runs, its sql_mode when given, its body. */
function triggerLine(t: Trigger): string {
  return `${t.timing} ${t.event} ON ${t.table}${t.sqlMode !== undefined ? ` [sql_mode ${t.sqlMode}]` : ''}: ${t.body.replace(/\s+/g, ' ')}`;
}

function routineKind(r: Routine): string {
  return r.type === 'FUNCTION' ? 'function' : 'procedure';
}

/** A routine on one line: its parameters, RETURNS, the characteristics that are not the defaults, its body. */
function routineLine(r: Routine): string {
  const traits = [r.deterministic ? 'DETERMINISTIC' : '', r.dataAccess !== 'CONTAINS SQL' ? r.dataAccess : '',
    r.security !== 'DEFINER' ? `SQL SECURITY ${r.security}` : '', r.comment ? `COMMENT ${JSON.stringify(r.comment)}` : '',
    r.sqlMode !== undefined ? `[sql_mode ${r.sqlMode}]` : ''].filter(Boolean);
  return `(${r.params})${r.returns !== null ? ` RETURNS ${r.returns}` : ''}${traits.length ? ' ' + traits.join(' ') : ''}: ${r.body.replace(/\s+/g, ' ')}`;
}

/** An event on one line: its schedule, what is not the default, its body. */
function eventLine(e: SchemaEvent): string {
  const traits = [e.preserve ? 'ON COMPLETION PRESERVE' : '', e.status !== 'ENABLE' ? e.status : '', e.comment ? `COMMENT ${JSON.stringify(e.comment)}` : '',
    e.sqlMode !== undefined ? `[sql_mode ${e.sqlMode}]` : ''].filter(Boolean);
  return `${e.schedule}${traits.length ? ' ' + traits.join(' ') : ''}: ${e.body.replace(/\s+/g, ' ')}`;
}
