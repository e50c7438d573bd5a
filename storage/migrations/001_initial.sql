-- Liaison initial schema: workspaces, organisations, people and their platform identities,
-- needs, outcomes and the audit log. Later capabilities add their own numbered files.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE workspaces (
  id          text PRIMARY KEY,            -- e.g. 'console:local', 'slack:T123', 'discord:G456'
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orgs (
  id            bigserial PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id),
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('enterprise', 'university', 'institute', 'broker')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name)
);

CREATE TABLE people (
  id            bigserial PRIMARY KEY,
  workspace_id  text NOT NULL REFERENCES workspaces(id),
  display_name  text NOT NULL,
  role          text NOT NULL DEFAULT 'enterprise'
                CHECK (role IN ('admin', 'broker', 'enterprise', 'researcher')),
  org_id        bigint REFERENCES orgs(id),
  email         text,
  time_zone     text,
  locale        text,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- One person may reach the bot from several platforms.
CREATE TABLE identities (
  platform          text NOT NULL CHECK (platform IN ('console', 'slack', 'discord')),
  workspace_id      text NOT NULL REFERENCES workspaces(id),
  platform_user_id  text NOT NULL,
  person_id         bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, workspace_id, platform_user_id)
);

CREATE TABLE needs (
  id                bigserial PRIMARY KEY,
  workspace_id      text NOT NULL REFERENCES workspaces(id),
  owner_person_id   bigint REFERENCES people(id) ON DELETE SET NULL,
  org_id            bigint REFERENCES orgs(id),
  broker_person_id  bigint REFERENCES people(id) ON DELETE SET NULL,
  text              text NOT NULL,
  language          text NOT NULL DEFAULT 'en',
  status            text NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'submitted', 'translated', 'matched', 'intro_requested',
                                      'meeting_scheduled', 'met', 'agreement', 'closed', 'withdrawn')),
  confidential      boolean NOT NULL DEFAULT true,
  brief             jsonb,
  constraints       jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  stage_changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX needs_workspace_status ON needs (workspace_id, status);

CREATE TABLE outcomes (
  id            bigserial PRIMARY KEY,
  source_id     text NOT NULL UNIQUE,
  kind          text NOT NULL CHECK (kind IN ('patent', 'paper', 'project', 'capability', 'instrument')),
  title         text NOT NULL,
  abstract      text NOT NULL DEFAULT '',
  institution   text,
  disciplines   text[] NOT NULL DEFAULT '{}',
  keywords      text[] NOT NULL DEFAULT '{}',
  year          integer,
  trl           smallint CHECK (trl BETWEEN 1 AND 9),
  ip_status     text,
  region        text,
  contact       text,
  url           text,
  language      text NOT NULL DEFAULT 'en',
  content_hash  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  workspace_id  text,
  person_id     bigint REFERENCES people(id) ON DELETE SET NULL,
  action        text NOT NULL,               -- 'view', 'create', 'update', 'delete', ...
  subject_type  text NOT NULL,               -- 'need', 'outcome', 'person', ...
  subject_id    text,
  detail        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id);
