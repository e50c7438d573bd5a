-- Postings without a per-row foreign key. Checking outcome_terms → outcome_search for each of the
-- ~90 postings per outcome was most of an import's time on PGlite (22 of 33 s for 4,000 outcomes
-- in a measurement; see bench/searchBench.ts). The indexer always rewrites an outcome's postings
-- together with its search row (storage/repositories/searchIndex.ts), so the one thing the key
-- still did, removing postings with their search row, is done here once per statement.
ALTER TABLE outcome_terms DROP CONSTRAINT outcome_terms_outcome_id_fkey;

CREATE FUNCTION outcome_terms_follow_search_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM outcome_terms t USING gone WHERE t.outcome_id = gone.outcome_id;
  RETURN NULL;
END $$;

CREATE TRIGGER outcome_search_deleted
  AFTER DELETE ON outcome_search
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION outcome_terms_follow_search_deletes();

CREATE FUNCTION outcome_terms_follow_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE outcome_terms;
  RETURN NULL;
END $$;

CREATE TRIGGER outcome_search_truncated
  AFTER TRUNCATE ON outcome_search
  FOR EACH STATEMENT EXECUTE FUNCTION outcome_terms_follow_search_truncate();
