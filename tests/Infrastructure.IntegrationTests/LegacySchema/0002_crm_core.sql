-- Contacts, deals, tasks and the deal timeline. Every record carries its organization, and every reference
-- between records is a composite foreign key on (organization_id, id): a deal can never point at another
-- organization's contact, nor a task or activity at another organization's deal.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE because its dictionary could be swapped; naming the dictionary makes this wrapper
-- safe to declare IMMUTABLE, so that it can feed a generated column and an index.
CREATE FUNCTION crm_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE contacts (
    id               uuid         PRIMARY KEY,
    organization_id  uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    owner_id         uuid         NOT NULL REFERENCES users (id),
    name             varchar(200) NOT NULL,
    email            varchar(254) NULL,
    normalized_email varchar(254) NULL,
    phone            varchar(32)  NULL,
    search_text      text         GENERATED ALWAYS AS (crm_unaccent(lower(name || ' ' || coalesce(email, '')))) STORED,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT ux_contacts_organization_id_id UNIQUE (organization_id, id)
);
CREATE UNIQUE INDEX ux_contacts_organization_email ON contacts (organization_id, normalized_email)
    WHERE normalized_email IS NOT NULL;
CREATE INDEX ix_contacts_organization_created ON contacts (organization_id, created_at, id);
CREATE INDEX ix_contacts_organization_name ON contacts (organization_id, lower(name), id);
CREATE INDEX ix_contacts_organization_owner ON contacts (organization_id, owner_id, created_at, id);
CREATE INDEX ix_contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops);

CREATE TABLE deals (
    id              uuid          PRIMARY KEY,
    organization_id uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id      uuid          NOT NULL,
    owner_id        uuid          NOT NULL REFERENCES users (id),
    title           varchar(200)  NOT NULL,
    amount          numeric(18,2) NOT NULL CHECK (amount >= 0),
    currency        char(3)       NOT NULL,
    status          varchar(16)   NOT NULL CHECK (status IN ('new', 'in_progress', 'won', 'lost')),
    stage           varchar(16)   NOT NULL CHECK (stage IN ('qualification', 'proposal', 'negotiation', 'closed')),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT ux_deals_organization_id_id UNIQUE (organization_id, id),
    CONSTRAINT fk_deals_contact FOREIGN KEY (organization_id, contact_id) REFERENCES contacts (organization_id, id),
    CONSTRAINT ck_deals_closed_means_outcome CHECK ((stage = 'closed') = (status IN ('won', 'lost')))
);
CREATE INDEX ix_deals_organization_created ON deals (organization_id, created_at, id);
CREATE INDEX ix_deals_organization_updated ON deals (organization_id, updated_at, id);
CREATE INDEX ix_deals_organization_amount ON deals (organization_id, amount, id);
CREATE INDEX ix_deals_organization_title ON deals (organization_id, lower(title), id);
CREATE INDEX ix_deals_organization_status_amount ON deals (organization_id, status, amount, id);
CREATE INDEX ix_deals_organization_stage ON deals (organization_id, stage, status);
CREATE INDEX ix_deals_organization_contact ON deals (organization_id, contact_id);
CREATE INDEX ix_deals_organization_owner ON deals (organization_id, owner_id, created_at, id);

CREATE TABLE tasks (
    id              uuid          PRIMARY KEY,
    organization_id uuid          NOT NULL,
    deal_id         uuid          NOT NULL,
    title           varchar(200)  NOT NULL,
    description     varchar(5000) NULL,
    due_date        date          NULL,
    is_done         boolean       NOT NULL DEFAULT false,
    completed_at    timestamptz   NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT fk_tasks_deal FOREIGN KEY (organization_id, deal_id)
        REFERENCES deals (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_tasks_organization_due ON tasks (organization_id, due_date NULLS LAST, created_at, id);
CREATE INDEX ix_tasks_organization_open_due ON tasks (organization_id, due_date NULLS LAST, created_at, id)
    WHERE NOT is_done;
CREATE INDEX ix_tasks_deal_due ON tasks (deal_id, due_date NULLS LAST, created_at, id);

CREATE TABLE activities (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    deal_id         uuid        NOT NULL,
    author_id       uuid        NOT NULL REFERENCES users (id),
    type            varchar(32) NOT NULL CHECK (type IN ('comment', 'status_changed', 'stage_changed', 'task_created',
                                                         'task_completed', 'deal_updated', 'system')),
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT fk_activities_deal FOREIGN KEY (organization_id, deal_id)
        REFERENCES deals (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_activities_deal_timeline ON activities (deal_id, created_at DESC, id DESC);
