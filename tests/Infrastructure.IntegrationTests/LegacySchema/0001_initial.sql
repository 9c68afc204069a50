-- Accounts, organizations, memberships and sign-in sessions.

CREATE TABLE users (
    id               uuid         PRIMARY KEY,
    email            varchar(254) NOT NULL,
    normalized_email varchar(254) NOT NULL,
    name             varchar(200) NOT NULL,
    password_hash    text         NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);

CREATE TABLE organizations (
    id               uuid         PRIMARY KEY,
    name             varchar(200) NOT NULL,
    default_currency char(3)      NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);

CREATE TABLE memberships (
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            varchar(16) NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'member')),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT pk_memberships PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX ix_memberships_user_id ON memberships (user_id, organization_id) INCLUDE (role);

CREATE TABLE user_sessions (
    id             uuid         PRIMARY KEY,
    user_id        uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    revoked_at     timestamptz  NULL,
    revoked_reason varchar(32)  NULL,
    client_address varchar(64)  NULL,
    user_agent     varchar(512) NULL
);
CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);

CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);
CREATE UNIQUE INDEX ux_refresh_tokens_token_hash ON refresh_tokens (token_hash);
CREATE INDEX ix_refresh_tokens_session_id ON refresh_tokens (session_id);
