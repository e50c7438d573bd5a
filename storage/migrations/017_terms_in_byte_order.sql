-- Terms are our own tokens (src/search/tokenizeText.ts), compared only for equality and kept in
-- an order no reader sees: byte order ("C") instead of the database's locale. Sorting the
-- postings to build their key (after a bulk load) and every key lookup then compare bytes
-- instead of calling the locale's collation: building the key over the 973,111 postings of
-- 10,000 outcomes took 0.81 s instead of 1.27 s with libc's C.UTF-8 (0.97 s with ICU's en-US).
-- Only the collation changes: the rows stay, the indexes on these columns are rebuilt.
ALTER TABLE outcome_terms ALTER COLUMN term TYPE text COLLATE "C";
ALTER TABLE term_stats ALTER COLUMN term TYPE text COLLATE "C";
ALTER TABLE embedding_model_terms ALTER COLUMN term TYPE text COLLATE "C";
-- Changing a column's type drops its planner statistics, and nothing counts as a change that
-- would make autovacuum gather them again: without them search planned its joins badly (some
-- queries took a second at 100,000 outcomes). Gathered here, from a sample of each table.
ANALYZE outcome_terms;
ANALYZE term_stats;
