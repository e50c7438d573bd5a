-- The GIN index over outcome_search.lexemes answered no query: BM25 reads the postings
-- (outcome_terms, keyed by term and outcome), which are the inverted index. Building it was a
-- sixth of a 100,000-outcome import on PostgreSQL (18 s of PostgreSQL's time beside the postings
-- key's 12 s) and every later import paid to keep it. The tsvector column stays: it is the
-- outcome's current token set, from which re-indexing removes the old postings.
DROP INDEX IF EXISTS outcome_search_lexemes;
