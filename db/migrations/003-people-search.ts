// Migration 3: a substring search index over citizens' names, localities and phone digits, so
// the Members screen finds "ram", "कुमार" or "98350" among 2,60,000 people in milliseconds
// (a LIKE '%…%' scan took 100–170 ms and grows with the register).
//
// FTS5 with the trigram tokenizer matches any substring of 3+ characters, Devanagari included.
// The index is contentless with contentless_delete, so a row can be removed by id alone.
//
// It is NOT kept in step by triggers writing the index row by row: measured on a state-size
// register, that made bulk imports ~15× slower. Triggers only note which people changed
// (people_search_dirty, a cheap rowid insert); db/search-index.ts folds those into the index
// before a search, incrementally or, after a large import, by one bulk rebuild.
import type { Migration } from './types.js';

export const migration003: Migration = {
  version: 3,
  name: 'people search index',
  up: `
CREATE VIRTUAL TABLE people_search USING fts5(
  name, locality, phone_digits,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);

CREATE TABLE people_search_dirty (id INTEGER PRIMARY KEY) STRICT;

CREATE TRIGGER people_search_on_insert AFTER INSERT ON people
BEGIN INSERT OR IGNORE INTO people_search_dirty (id) VALUES (new.id); END;
CREATE TRIGGER people_search_on_update AFTER UPDATE OF name, locality, phone ON people
BEGIN INSERT OR IGNORE INTO people_search_dirty (id) VALUES (new.id); END;
CREATE TRIGGER people_search_on_delete AFTER DELETE ON people
BEGIN INSERT OR IGNORE INTO people_search_dirty (id) VALUES (old.id); END;

-- Registers made before this migration: every existing person still needs indexing.
INSERT INTO people_search_dirty (id) SELECT id FROM people;
`,
};
