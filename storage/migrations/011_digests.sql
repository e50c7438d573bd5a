-- Digests (issue #10): channels subscribed to a periodic digest, and one row per channel and
-- period that makes each digest go out once, whichever bot process runs the tick.

-- One subscription per channel. `cron` (5 fields) fires in `time_zone` (IANA); the digest of a
-- firing covers the time since the previous firing. `audience` says who can read the channel:
-- 'mixed' (the default, the safe choice) shows confidential needs anonymised; 'brokers' is a
-- channel only brokers and admins read. `schedule_since`: firings before it are never sent.
CREATE TABLE digest_subscriptions (
  workspace_id    text NOT NULL REFERENCES workspaces(id),
  channel         text NOT NULL,
  platform        text NOT NULL CHECK (platform IN ('console', 'slack', 'discord')),
  cron            text NOT NULL,
  time_zone       text NOT NULL,
  language        text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh')),
  audience        text NOT NULL DEFAULT 'mixed' CHECK (audience IN ('brokers', 'mixed')),
  status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  paused_reason   text,
  created_by      bigint REFERENCES people(id) ON DELETE SET NULL,
  schedule_since  timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, channel)
);
CREATE INDEX digest_subscriptions_active ON digest_subscriptions (status) WHERE status = 'active';

-- One row per channel and period (identified by the firing that ends it). A process claims the
-- row with a lease before composing; only the claim holder posts, and the same row is marked
-- 'posted' after the post. A process that dies after claiming leaves a 'claimed' row whose lease
-- runs out; the next tick claims it again and posts once. 'failed': given up (channel
-- unreachable, or too many attempts).
CREATE TABLE digest_runs (
  id            bigserial PRIMARY KEY,
  workspace_id  text NOT NULL,
  channel       text NOT NULL,
  period_start  timestamptz NOT NULL,
  period_end    timestamptz NOT NULL,
  late          boolean NOT NULL DEFAULT false,
  status        text NOT NULL DEFAULT 'claimed' CHECK (status IN ('claimed', 'posted', 'failed')),
  claim_token   text NOT NULL,
  lease_until   timestamptz NOT NULL,
  attempts      integer NOT NULL DEFAULT 1,
  claimed_at    timestamptz NOT NULL,
  posted_at     timestamptz,
  failure       text,
  UNIQUE (workspace_id, channel, period_end)
);
CREATE INDEX digest_runs_channel_posted ON digest_runs (workspace_id, channel, period_end DESC) WHERE status = 'posted';
