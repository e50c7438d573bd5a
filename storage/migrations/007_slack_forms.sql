-- Forms (neutral `form` blocks) the Slack adapter showed, so any replica can open one as a
-- modal when its "Open" button is pressed, and reopen it after a rejected submission.
CREATE TABLE slack_forms (
  form_key     text PRIMARY KEY,
  team_id      text NOT NULL,
  definition   jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slack_forms_created ON slack_forms (created_at);
