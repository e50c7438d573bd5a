-- Deliveries already handled, per platform, so a retried or replayed event (Slack's
-- x-slack-retry-num, a Discord interaction seen twice after a resume) is processed once.
CREATE TABLE platform_events (
  platform      text NOT NULL,
  event_id      text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, event_id)
);
CREATE INDEX platform_events_received ON platform_events (received_at);
