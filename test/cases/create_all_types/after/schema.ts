import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const kitchen = table('kitchen', {
  id: id({ type: 'bigint' }).unsigned(),
  t: tinyint(), s: smallint().unsigned(), i: int().notNull().default(7), b: bigint(),
  price: decimal(10, 2).notNull().default(1.5), f: float(), d: double(),
  flag: boolean().notNull().default(true),
  code: char(3).notNull().default('abc'), title: varchar(200).notNull().comment("it's a title"),
  body: text(), long_body: mediumtext(),
  hash: binary(16), bytes: varbinary(64), data: blob(),
  day: date(), at: time(3), created: datetime().notNull().defaultNow(),
  updated: timestamp(6).notNull().defaultNow().onUpdateNow(), yr: year(),
  doc: json(), mood: enumOf(['happy', 'sad']).notNull().default('happy'), tags: setOf(['a', 'b', 'c']),
  latin: varchar(10).charset('latin1').collate('latin1_swedish_ci'),
  doubled: int().generatedAs(sql`i * 2`),
  stored: int().generatedAs(sql`i + 1`, { stored: true }),
}).comment('every column type').engine('InnoDB');
