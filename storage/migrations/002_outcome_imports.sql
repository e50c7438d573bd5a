-- One row per outcome import run (CLI `liaison ingest`, the sample loader, evaluation loads):
-- what was read, what changed, the first errors, and who ran it. Counts are updated after each
-- committed batch, so a run that was killed still shows what it stored.
CREATE TABLE outcome_imports (
  id           bigserial PRIMARY KEY,
  source       text NOT NULL,                 -- file name or label, e.g. 'outcomes.jsonl.gz'
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'failed')),
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  added        integer NOT NULL DEFAULT 0,
  updated      integer NOT NULL DEFAULT 0,
  unchanged    integer NOT NULL DEFAULT 0,
  rejected     integer NOT NULL DEFAULT 0,
  errors       jsonb NOT NULL DEFAULT '[]'::jsonb,   -- first rejected rows: [{line, reason}]
  failure      text,                                -- why a failed run stopped
  person_id    bigint REFERENCES people(id) ON DELETE SET NULL,
  actor        text                                 -- who, when not a person in chat (e.g. 'cli:alice')
);
CREATE INDEX outcome_imports_started ON outcome_imports (started_at DESC);
