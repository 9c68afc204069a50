-- The audit trail. Append-only for the application: a trigger refuses every UPDATE, and every DELETE except the
-- retention job's, which marks its own transaction with SET LOCAL crm.audit_purge = 'on'.

CREATE TABLE audit_logs (
    id              uuid         PRIMARY KEY,
    organization_id uuid         NULL REFERENCES organizations (id),
    actor_id        uuid         NULL REFERENCES users (id),
    action          varchar(64)  NOT NULL,
    entity_type     varchar(32)  NULL,
    entity_id       uuid         NULL,
    changes         jsonb        NOT NULL DEFAULT '[]',
    client_address  varchar(64)  NULL,
    user_agent      varchar(512) NULL,
    trace_id        varchar(64)  NULL,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX ix_audit_logs_organization_time ON audit_logs (organization_id, created_at DESC, id DESC);
CREATE INDEX ix_audit_logs_actor_time ON audit_logs (actor_id, created_at DESC, id DESC);
CREATE INDEX ix_audit_logs_entity ON audit_logs (organization_id, entity_type, entity_id, created_at DESC);
CREATE INDEX ix_audit_logs_created ON audit_logs (created_at);

CREATE FUNCTION crm_audit_logs_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('crm.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_logs_append_only
    BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION crm_audit_logs_append_only();
