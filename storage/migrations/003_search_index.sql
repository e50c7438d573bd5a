-- Search index for outcomes: our own tokens (see src/search/tokenizeText.ts) as a tsvector with a
-- GIN index, per-document term frequencies and lengths so BM25 is computed in SQL, and one
-- embedding per outcome (pgvector, cosine HNSW index built by the indexer once the dimension is
-- known) together with the model that produced it.

-- Embedding models: the offline LSA model fitted on the corpus, or a remote endpoint's model.
-- Exactly one is active; vectors from any other model are stale until re-embedded.
CREATE TABLE embedding_models (
  id           bigserial PRIMARY KEY,
  provider     text NOT NULL,                 -- 'offline' (LSA fitted here) or 'openai' (remote endpoint)
  name         text NOT NULL,                 -- e.g. 'lsa-256' or 'text-embedding-3-small'
  dim          integer NOT NULL CHECK (dim BETWEEN 1 AND 2000),
  params       jsonb NOT NULL DEFAULT '{}'::jsonb,
  corpus_size  integer,                       -- outcomes indexed when it was fitted (offline)
  active       boolean NOT NULL DEFAULT false,
  fitted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX embedding_models_one_active ON embedding_models (active) WHERE active;

-- The offline model itself: each vocabulary term's IDF and latent vector (a text is embedded by
-- summing the vectors of its terms), so a query needs only its own terms' rows. The vector is
-- only ever read by the application: it is stored as base64 of its float32 values (little-endian),
-- exact and ~5x faster to write and read than pgvector text or bytea (hex) on PGlite, where
-- storing a fitted vocabulary was the slowest part of the first import.
CREATE TABLE embedding_model_terms (
  model_id  bigint NOT NULL REFERENCES embedding_models(id) ON DELETE CASCADE,
  term      text NOT NULL,
  idf       real NOT NULL,
  vec       text NOT NULL,                  -- base64 of dim little-endian float32 values
  PRIMARY KEY (model_id, term)
);

CREATE TABLE outcome_search (
  outcome_id  bigint PRIMARY KEY REFERENCES outcomes(id) ON DELETE CASCADE,
  lexemes     tsvector NOT NULL,              -- distinct tokens, 'simple' lexemes, no positions
  doc_len     integer NOT NULL,               -- token count, for BM25 length normalisation
  embedding   vector,                         -- NULL until embedded by the active model
  model_id    bigint REFERENCES embedding_models(id) ON DELETE SET NULL,
  indexed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outcome_search_lexemes ON outcome_search USING gin (lexemes);
CREATE INDEX outcome_search_unembedded ON outcome_search (outcome_id) WHERE embedding IS NULL;

-- Postings: term frequency per (term, outcome), with the outcome's token count copied in so BM25
-- reads only this table. Rewritten whenever the outcome is indexed again; removed with it.
CREATE TABLE outcome_terms (
  term        text NOT NULL,
  outcome_id  bigint NOT NULL REFERENCES outcome_search(outcome_id) ON DELETE CASCADE,
  tf          integer NOT NULL,
  doc_len     integer NOT NULL,
  PRIMARY KEY (term, outcome_id)
);
CREATE INDEX outcome_terms_outcome ON outcome_terms (outcome_id);
