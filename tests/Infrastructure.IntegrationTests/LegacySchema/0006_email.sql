-- Outgoing email, stored in the transaction of the change that causes it and sent by the outbox dispatcher;
-- single-use, expiring password-reset and invitation tokens, stored hashed.

CREATE TABLE outbox_messages (
    id              uuid         PRIMARY KEY,
    organization_id uuid         NULL REFERENCES organizations (id) ON DELETE CASCADE,
    template        varchar(32)  NOT NULL,
    recipient       varchar(254) NOT NULL,
    subject         text         NOT NULL,
    html_body       text         NOT NULL,
    text_body       text         NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text         NULL,
    next_attempt_at timestamptz  NOT NULL,
    locked_until    timestamptz  NULL,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz  NULL
);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX ix_outbox_messages_organization ON outbox_messages (organization_id, created_at DESC, id DESC);

CREATE TABLE password_reset_tokens (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);
CREATE UNIQUE INDEX ux_password_reset_tokens_hash ON password_reset_tokens (token_hash);

CREATE TABLE invitations (
    id               uuid         PRIMARY KEY,
    organization_id  uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email            varchar(254) NOT NULL,
    normalized_email varchar(254) NOT NULL,
    role             varchar(16)  NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'member')),
    token_hash       bytea        NOT NULL,
    invited_by       uuid         NOT NULL REFERENCES users (id),
    created_at       timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    accepted_at      timestamptz  NULL
);
CREATE UNIQUE INDEX ux_invitations_token_hash ON invitations (token_hash);
CREATE UNIQUE INDEX ux_invitations_pending ON invitations (organization_id, normalized_email) WHERE accepted_at IS NULL;
