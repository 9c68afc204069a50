-- Files attached to contacts and deals. The row points at its record through a composite foreign key, so it can
-- never belong to another organization's record, and goes when the record goes (the stored object is removed by
-- the service right after). Object keys are made of ids only.

CREATE TABLE attachments (
    id              uuid          PRIMARY KEY,
    organization_id uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id      uuid          NULL,
    deal_id         uuid          NULL,
    file_name       varchar(255)  NOT NULL,
    content_type    varchar(100)  NOT NULL,
    size            bigint        NOT NULL CHECK (size > 0),
    sha256          char(64)      NOT NULL,
    storage_key     varchar(200)  NOT NULL,
    uploaded_by     uuid          NOT NULL REFERENCES users (id),
    created_at      timestamptz   NOT NULL,
    CONSTRAINT ck_attachments_one_record CHECK ((contact_id IS NULL) <> (deal_id IS NULL)),
    CONSTRAINT fk_attachments_contact FOREIGN KEY (organization_id, contact_id) REFERENCES contacts (organization_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_attachments_deal FOREIGN KEY (organization_id, deal_id) REFERENCES deals (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_attachments_contact ON attachments (contact_id, created_at DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX ix_attachments_deal ON attachments (deal_id, created_at DESC) WHERE deal_id IS NOT NULL;
