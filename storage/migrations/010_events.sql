-- Brokerage events: a matchmaking day split into slots and tables, its participants (a person,
-- or a person standing for an outcome's team) with presence and breaks, the meeting requests
-- between participants, and the scheduled meetings.

CREATE TABLE events (
  id                  bigserial PRIMARY KEY,
  workspace_id        text NOT NULL REFERENCES workspaces(id),
  name                text NOT NULL,
  organiser_person_id bigint REFERENCES people(id) ON DELETE SET NULL,
  time_zone           text NOT NULL,
  starts_at           timestamptz NOT NULL,
  slot_minutes        smallint NOT NULL CHECK (slot_minutes IN (15, 20, 30)),
  slots               integer NOT NULL CHECK (slots BETWEEN 1 AND 200),
  tables              integer NOT NULL CHECK (tables >= 1),
  -- Requests close and the agenda is scheduled (by a job) at this time.
  deadline            timestamptz NOT NULL,
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'scheduled')),
  -- Bumped at every (re)scheduling: the SEQUENCE of the agendas' calendar entries.
  schedule_version    integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_workspace ON events (workspace_id, starts_at);

CREATE TABLE event_participants (
  id            bigserial PRIMARY KEY,
  event_id      bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  person_id     bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  -- Set when the person is there for an outcome's team; requests to the outcome come to them.
  outcome_id    bigint REFERENCES outcomes(id) ON DELETE SET NULL,
  -- Presence windows in slot indexes, [{"from": 0, "to": 6}, …], each from `from` up to, not including, `to`.
  presence      jsonb NOT NULL CHECK (jsonb_typeof(presence) = 'array' AND jsonb_array_length(presence) > 0),
  -- An optional break: break_slots consecutive free slots within [break_from, break_to).
  break_from    integer,
  break_to      integer,
  break_slots   integer,
  max_meetings  integer CHECK (max_meetings >= 0),
  joined_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, person_id),
  UNIQUE (event_id, outcome_id),
  CHECK (num_nulls(break_from, break_to, break_slots) IN (0, 3)),
  CHECK (break_from IS NULL OR (break_from < break_to AND break_slots BETWEEN 1 AND break_to - break_from))
);

-- One request per pair of participants, whoever asked first; a request back makes it mutual.
CREATE TABLE event_requests (
  id              bigserial PRIMARY KEY,
  event_id        bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  requester_id    bigint NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  target_id       bigint NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  mutual          boolean NOT NULL DEFAULT false,
  priority        integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
  created_at      timestamptz NOT NULL DEFAULT now(),
  decided_at      timestamptz,
  CHECK (requester_id <> target_id)
);
CREATE UNIQUE INDEX event_requests_pair ON event_requests
  (event_id, LEAST(requester_id, target_id), GREATEST(requester_id, target_id));

-- The schedule: a request in a slot at a table. A table holds one meeting per slot.
CREATE TABLE event_meetings (
  request_id  bigint PRIMARY KEY REFERENCES event_requests(id) ON DELETE CASCADE,
  event_id    bigint NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  slot        integer NOT NULL CHECK (slot >= 0),
  table_no    integer NOT NULL CHECK (table_no >= 0),
  UNIQUE (event_id, slot, table_no)
);
