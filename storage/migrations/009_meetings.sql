-- Meetings: double-opt-in introductions, scheduling (time zones, working hours, availability),
-- bookings that never double-book a person, reminders that fire once, three-party feedback.

-- Who answers for an outcome's team in this workspace (set by a broker with /intro ... @person).
CREATE TABLE outcome_contacts (
  workspace_id  text NOT NULL REFERENCES workspaces(id),
  outcome_id    bigint NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  person_id     bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  set_by        bigint REFERENCES people(id) ON DELETE SET NULL,
  set_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, outcome_id)
);

CREATE TABLE intros (
  id                bigserial PRIMARY KEY,
  workspace_id      text NOT NULL REFERENCES workspaces(id),
  need_id           bigint NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  outcome_id        bigint NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  broker_person_id  bigint REFERENCES people(id) ON DELETE SET NULL,
  status            text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'accepted', 'declined', 'stale')),
  nudged_at         timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  decided_at        timestamptz
);
-- One open introduction per need and outcome.
CREATE UNIQUE INDEX intros_open ON intros (need_id, outcome_id) WHERE status IN ('pending', 'accepted');
CREATE INDEX intros_workspace_status ON intros (workspace_id, status);

-- The two sides asked; a decline reason is shown to the broker only.
CREATE TABLE intro_parties (
  intro_id     bigint NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  side         text NOT NULL CHECK (side IN ('enterprise', 'researcher')),
  person_id    bigint REFERENCES people(id) ON DELETE SET NULL,
  answer       text CHECK (answer IN ('accepted', 'declined')),
  reason       text,
  answered_at  timestamptz,
  PRIMARY KEY (intro_id, side)
);
CREATE INDEX intro_parties_person ON intro_parties (person_id);

-- Working hours per person (the time zone is people.time_zone, an IANA name).
CREATE TABLE working_hours (
  person_id     bigint PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  start_minute  integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute    integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  weekdays      integer[] NOT NULL,          -- ISO weekdays, 1 = Monday … 7 = Sunday
  time_zone_asked_at timestamptz,
  CHECK (start_minute < end_minute)
);

-- Windows a person said they are available in; when a person has windows ahead, slots must fit one.
CREATE TABLE availability_windows (
  id          bigserial PRIMARY KEY,
  person_id   bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  during      tstzrange NOT NULL CHECK (NOT isempty(during)),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX availability_windows_person ON availability_windows (person_id);

CREATE TABLE meetings (
  id                  bigserial PRIMARY KEY,
  workspace_id        text NOT NULL REFERENCES workspaces(id),
  intro_id            bigint NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  need_id             bigint NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
  organizer_person_id bigint REFERENCES people(id) ON DELETE SET NULL,
  status              text NOT NULL DEFAULT 'proposing'
                      CHECK (status IN ('proposing', 'booked', 'cancelled', 'held', 'missed')),
  starts_at           timestamptz,
  ends_at             timestamptz,
  duration_minutes    integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  ics_uid             text NOT NULL UNIQUE,
  sequence            integer NOT NULL DEFAULT 0,      -- iCalendar SEQUENCE of the last invite sent
  invited             boolean NOT NULL DEFAULT false,  -- an invite went out (a cancel must then be sent too)
  location            text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  -- While proposing again after a reschedule, starts_at keeps the last invited time (for a CANCEL).
  CHECK (status NOT IN ('booked', 'held', 'missed') OR (starts_at IS NOT NULL AND ends_at IS NOT NULL))
);
-- One live meeting per introduction.
CREATE UNIQUE INDEX meetings_live_intro ON meetings (intro_id) WHERE status IN ('proposing', 'booked');
CREATE INDEX meetings_workspace_start ON meetings (workspace_id, starts_at);

CREATE TABLE meeting_participants (
  meeting_id  bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  person_id   bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('broker', 'enterprise', 'researcher')),
  PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_participants_person ON meeting_participants (person_id);

-- Proposed slots; a new round (after a reschedule) makes the older round's buttons stale.
CREATE TABLE meeting_slots (
  id          bigserial PRIMARY KEY,
  meeting_id  bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  round       integer NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  UNIQUE (meeting_id, round, starts_at)
);

CREATE TABLE slot_picks (
  slot_id    bigint NOT NULL REFERENCES meeting_slots(id) ON DELETE CASCADE,
  person_id  bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  picked_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (slot_id, person_id)
);

-- The time each person is booked. No person is ever in two meetings at once: the exclusion
-- constraint rejects overlapping intervals of one person, whatever process inserts them.
-- (int8range equality instead of btree_gist's bigint "=": the same guarantee with the range
-- operator class built into PostgreSQL, so no extension has to be loaded on either engine.)
CREATE TABLE busy_intervals (
  person_id   bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  meeting_id  bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  during      tstzrange NOT NULL,
  PRIMARY KEY (meeting_id, person_id),
  CONSTRAINT busy_intervals_no_overlap
    EXCLUDE USING gist (int8range(person_id, person_id, '[]') WITH =, during WITH &&)
);

-- Queued job ids per meeting, so a cancel or reschedule can withdraw them.
CREATE TABLE meeting_jobs (
  meeting_id  bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  job_name    text NOT NULL,
  job_id      text NOT NULL,
  PRIMARY KEY (meeting_id, job_name, job_id)
);

-- A reminder is recorded before it is sent: a retried or duplicated job finds the row and stops.
CREATE TABLE meeting_reminders_sent (
  meeting_id     bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  starts_at      timestamptz NOT NULL,
  lead_minutes   integer NOT NULL,
  sent_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, starts_at, lead_minutes)
);

CREATE TABLE meeting_feedback (
  meeting_id   bigint NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  person_id    bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('broker', 'enterprise', 'researcher')),
  happened     boolean NOT NULL,
  usefulness   smallint CHECK (usefulness BETWEEN 1 AND 5),
  next_step    text NOT NULL CHECK (next_step IN ('none', 'another_meeting', 'proposal', 'pilot_test', 'contract')),
  comment      text NOT NULL DEFAULT '',
  answered_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, person_id)
);
