import type {
  Check, Column, DefaultValue, ForeignKey, Index, Partitioning, PrimaryKey, Table, TableOptions, Routine, SchemaEvent,
  Trigger, View,
} from '../ir/types.js';

/**
 * One difference between two schemas. Drops carry the whole dropped object so the reverse
 * can be built; table-scoped changes name the table by its name in the target schema.
 */
/**
 * Indexes of a kept table that the server may hold as its own, made for a foreign key: InnoDB
 * renames such an index after a foreign key added over it, and drops it when another index can
 * take over (MYSQL-NOTES §3; MySQL's HA_GENERATED_KEY). An imported database's index cannot be
 * told from one declared by hand, so statements that add a key rename these to themselves, which
 * makes them the table's own, as declared. Only the kept, non-unique indexes that cover a foreign
 * key and are not named after one (a key of that name comes back under the same name) are listed.
 */
export interface Pinned {
  readonly pinned?: readonly string[];
}

/**
 * Views kept as they are that read what the change renames or drops (set by the strategy): the
 * server keeps such a view, but it fails until its SELECT is changed (a risk of the step).
 */
export interface Readers {
  readonly readers?: readonly string[];
  /** Kept triggers whose body names the column the change renames or drops (the server does not rewrite them either). */
  readonly triggerReaders?: readonly string[];
}

export type Change =
  | { readonly kind: 'createTable'; readonly table: Table }
  | ({ readonly kind: 'dropTable'; readonly table: Table } & Readers)
  | ({ readonly kind: 'renameTable'; readonly from: string; readonly to: string } & Readers)
  | {
    readonly kind: 'addColumn'; readonly table: string; readonly column: Column; readonly after: string | null;
    readonly backfill?: DefaultValue;
    /** ON UPDATE CURRENT_TIMESTAMP columns the backfill UPDATE sets to themselves, so they keep their values. */
    readonly keep?: readonly string[];
  }
  | ({ readonly kind: 'dropColumn'; readonly table: string; readonly column: Column; readonly after: string | null } & Readers)
  | {
    readonly kind: 'renameColumn'; readonly table: string; readonly from: string; readonly to: string;
    readonly readers?: readonly string[];
    readonly triggerReaders?: readonly string[];
    /** Generated columns whose expressions follow the table's renames: rewritten in the same statement. */
    readonly generated?: ReadonlyArray<{ readonly from: Column; readonly to: Column }>;
  }
  | {
    /** Columns that keep their name but change place; the orders are the tables' (old one under new names). */
    readonly kind: 'reorderColumns'; readonly table: string; readonly moved: readonly string[];
    readonly toOrder: readonly Column[]; readonly fromOrder: readonly Column[];
  }
  | {
    readonly kind: 'modifyColumn'; readonly table: string; readonly from: Column; readonly to: Column; readonly backfill?: DefaultValue;
    /** The table's primary key columns after the change: they name the rows a down that narrows the column refuses. */
    readonly key: readonly string[];
    readonly keep?: readonly string[];
    /** The columns before it in the new and the old table (a generated column changing storage is re-added there). */
    readonly after: string | null; readonly fromAfter: string | null;
    /**
     * A column that becomes or stops being VIRTUAL next to a regular one is re-added STORED on the
     * way (`viaStored` in the dialect's strategy): the indexes over it, dropped and added again there.
     */
    readonly readdIndexes?: readonly Index[];
  }
  | ({ readonly kind: 'addIndex'; readonly table: string; readonly index: Index } & Pinned)
  | ({ readonly kind: 'dropIndex'; readonly table: string; readonly index: Index } & Pinned)
  | { readonly kind: 'renameIndex'; readonly table: string; readonly from: Index; readonly to: Index }
  | ({ readonly kind: 'replaceIndex'; readonly table: string; readonly from: Index; readonly to: Index } & Pinned)
  | ({ readonly kind: 'addForeignKey'; readonly table: string; readonly foreignKey: ForeignKey } & Pinned)
  | ({ readonly kind: 'dropForeignKey'; readonly table: string; readonly foreignKey: ForeignKey } & Pinned)
  | { readonly kind: 'addCheck'; readonly table: string; readonly check: Check }
  | { readonly kind: 'dropCheck'; readonly table: string; readonly check: Check }
  | ({ readonly kind: 'setPrimaryKey'; readonly table: string; readonly from: PrimaryKey | null; readonly to: PrimaryKey | null } & Pinned)
  | {
    readonly kind: 'alterOptions'; readonly table: string; readonly from: TableOptions; readonly to: TableOptions;
    /** Whether the default character set or collation changes in meaning (not only in spelling): the table is converted. */
    readonly convert: boolean;
    /** The table's columns before the change, under their new names: a new default character set converts them. */
    readonly columns: readonly Column[];
  }
  /** PARTITION BY added, changed or removed (null: not partitioned). */
  | { readonly kind: 'setPartitioning'; readonly table: string; readonly from: Partitioning | null; readonly to: Partitioning | null }
  | { readonly kind: 'createView'; readonly view: View }
  | { readonly kind: 'dropView'; readonly view: View }
  /** A view whose SELECT or options change (its name is kept). */
  | { readonly kind: 'alterView'; readonly from: View; readonly to: View }
  | { readonly kind: 'createTrigger'; readonly trigger: Trigger }
  | { readonly kind: 'dropTrigger'; readonly trigger: Trigger }
  /** A trigger whose table, timing, event, body or sql_mode changes (its name is kept): dropped and created again. */
  | { readonly kind: 'alterTrigger'; readonly from: Trigger; readonly to: Trigger }
  | { readonly kind: 'createRoutine'; readonly routine: Routine }
  | { readonly kind: 'dropRoutine'; readonly routine: Routine }
  /** A procedure or function whose parameters, RETURNS type, characteristics, body or sql_mode change: dropped and created again. */
  | { readonly kind: 'alterRoutine'; readonly from: Routine; readonly to: Routine }
  | { readonly kind: 'createEvent'; readonly event: SchemaEvent }
  | { readonly kind: 'dropEvent'; readonly event: SchemaEvent }
  /** An event whose schedule, completion, status, comment, body or sql_mode change: dropped and created again. */
  | { readonly kind: 'alterEvent'; readonly from: SchemaEvent; readonly to: SchemaEvent };

export type ChangeKind = Change['kind'];
