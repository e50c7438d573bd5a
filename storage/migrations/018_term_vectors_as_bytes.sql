-- An offline model's term vectors as their bytes (little-endian float32) instead of base64 text:
-- written by binary COPY as they are, a quarter smaller, and nothing to encode. Storing the
-- 40,000 vectors of a fitted model took about a tenth of a 10,000-outcome import on PostgreSQL,
-- half of it encoding base64. Readers ask for encode(vec, 'base64'), which decodes as fast as before.
ALTER TABLE embedding_model_terms ALTER COLUMN vec TYPE bytea USING decode(vec, 'base64');
-- The column's planner statistics go with its old type (see 017): gathered again.
ANALYZE embedding_model_terms;
