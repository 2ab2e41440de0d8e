import { checkClause, columnSql, foreignKeyClause, identList, indexClause, tableOptionsSql } from '../dialect/mysql/sql.js';
import { assertNever } from '../ir/types.js';
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
    default: return assertNever(change, 'change');
  }
}

