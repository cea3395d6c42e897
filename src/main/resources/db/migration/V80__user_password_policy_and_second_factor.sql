-- Password policy and second factor.
-- An initial password set by an administrator must be changed at first login and is refused after it expires
-- (72 h by default); NULL for passwords the user chose (and for the bootstrap administrator from configuration).
ALTER TABLE app_user ADD COLUMN initial_password_expires_at TIMESTAMP WITH TIME ZONE;
-- TOTP (RFC 6238) secret, encrypted like other secrets at rest; NULL until the user enrols.
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(200);
-- The last 30-second time step a code was accepted for: a code is never accepted twice.
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
-- No empty login ids.
ALTER TABLE app_user ADD CONSTRAINT app_user_username_not_blank CHECK (btrim(username) <> '');

-- Earlier password hashes: a new password may not be one of the last five (the current one and four before it).
CREATE TABLE password_history
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    BIGINT       NOT NULL REFERENCES app_user (id),
  password   VARCHAR(200) NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX password_history_user_idx ON password_history (user_id, id DESC);
