-- Needs and brokering: the intake conversation each contact is in, the history of every need
-- (who changed what, when), and brokers' verdicts on the outcomes proposed for a need.

-- One intake in progress per person; it lives here, not in memory, so it survives restarts.
CREATE TABLE need_intakes (
  person_id   bigint PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  need_id     bigint NOT NULL UNIQUE REFERENCES needs(id) ON DELETE CASCADE,
  awaiting    text,                          -- the field asked last; NULL = all answered, in review
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE need_events (
  id            bigserial PRIMARY KEY,
  need_id       bigint NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  workspace_id  text NOT NULL REFERENCES workspaces(id),
  person_id     bigint REFERENCES people(id) ON DELETE SET NULL,   -- NULL: the bot, or a forgotten person
  kind          text NOT NULL CHECK (kind IN ('created', 'answered', 'edited', 'submitted', 'stage',
                                              'assigned', 'note', 'verdict', 'anonymised')),
  from_stage    text,
  to_stage      text,
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX need_events_need ON need_events (need_id, at);

-- A broker's verdict on one outcome for one need; dismissed outcomes never come back for it.
CREATE TABLE match_verdicts (
  need_id       bigint NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  outcome_id    bigint NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  workspace_id  text NOT NULL REFERENCES workspaces(id),
  verdict       text NOT NULL CHECK (verdict IN ('shortlisted', 'dismissed')),
  reason        text CHECK (reason IN ('off_topic', 'wrong_trl', 'wrong_region', 'already_tried', 'other')),
  person_id     bigint REFERENCES people(id) ON DELETE SET NULL,
  decided_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (need_id, outcome_id),
  CHECK ((verdict = 'dismissed') = (reason IS NOT NULL))
);

CREATE INDEX needs_owner ON needs (owner_person_id);
CREATE INDEX audit_log_workspace_at ON audit_log (workspace_id, at);
