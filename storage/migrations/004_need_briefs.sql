-- Research briefs of needs (the Translation capability): every edit or re-translation adds a
-- version (the latest is the brief in force). `translator` says which translator produced it
-- ('offline', 'llm (model)', 'offline (fallback: …)').
CREATE TABLE need_briefs (
  need_id     bigint NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  version     integer NOT NULL CHECK (version >= 1),
  brief       jsonb NOT NULL,
  translator  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (need_id, version)
);
