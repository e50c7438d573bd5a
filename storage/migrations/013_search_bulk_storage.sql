-- Search storage shaped for bulk loads (imports write it with binary COPY, see
-- storage/binaryCopy.ts).
--
-- Embeddings in a table of their own. In outcome_search, writing a vector was an UPDATE of a row
-- that also holds the tsvector, so every embedding rewrote the row and added a GIN entry again;
-- embedding 10,000 outcomes took 16 s on PGlite. Here vectors are inserted into narrow rows, and
-- the HNSW index (built by the indexer, see storage/repositories/searchIndex.ts) lives on them.
CREATE TABLE outcome_vectors (
  outcome_id  bigint PRIMARY KEY REFERENCES outcome_search(outcome_id) ON DELETE CASCADE,
  model_id    bigint NOT NULL REFERENCES embedding_models(id) ON DELETE CASCADE,
  embedding   vector                         -- NULL: the model knows none of the outcome's terms
);

INSERT INTO outcome_vectors (outcome_id, model_id, embedding)
SELECT outcome_id, model_id, embedding FROM outcome_search WHERE model_id IS NOT NULL;

-- Dropping the column drops its HNSW and partial indexes; the indexer builds the HNSW index on
-- outcome_vectors at the next import or `liaison embeddings refresh` (exact search until then).
ALTER TABLE outcome_search DROP COLUMN embedding, DROP COLUMN model_id;

-- Postings are found by term (BM25) and, to remove an outcome's, by its own terms: the search
-- row's lexemes are exactly the terms of its postings, so the (term, outcome_id) key serves both
-- and the second index on outcome_id (another B-tree entry per posting, ~90 per outcome) goes.
DROP INDEX outcome_terms_outcome;

CREATE OR REPLACE FUNCTION outcome_terms_follow_search_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM outcome_terms t
  USING (SELECT g.outcome_id, unnest(tsvector_to_array(g.lexemes)) AS term FROM gone g) gone_terms
  WHERE t.term = gone_terms.term AND t.outcome_id = gone_terms.outcome_id;
  RETURN NULL;
END $$;
