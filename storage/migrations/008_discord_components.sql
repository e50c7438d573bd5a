-- What a Discord component stands for when it does not fit in its 100-character custom_id:
-- neutral forms shown as an "Open form" button (with the answers of earlier modal pages, so a
-- form longer than Discord's five inputs is filled page by page), and long button values. In
-- the database, so any bot process (or shard) can open the form or run the button later.
CREATE TABLE discord_components (
  component_key  text PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('form', 'action')),
  payload        jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discord_components_created ON discord_components (created_at);
