import { table, id, int, varchar, text, index, unique, fulltext, spatial } from 'schemac';

export const article = table('article', {
  id: id(),
  title: varchar(200).notNull(),
  body: text(),
  lang: varchar(8).notNull().default('en'),
}, (t) => [
  fulltext(t.title, t.body).name('ft_article'),
  fulltext(t.lang).name('ix_article_lang'),
  index(t.body.prefix(20)).name('ft_article_body'),
]);
