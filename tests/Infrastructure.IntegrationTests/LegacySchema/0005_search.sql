-- Full-text search. Each searchable record carries a generated, weighted, unaccented tsvector (names and titles
-- weigh A, emails and bodies B), so the index is current in the same transaction as every write. Trigram indexes
-- on names and titles serve the typo-tolerant fallback. The text search configuration is 'simple' (no stemming:
-- names and mixed languages) with accents removed, so that matching and highlighting both ignore accents.

CREATE TEXT SEARCH CONFIGURATION crm_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION crm_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

ALTER TABLE contacts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('crm_search', name), 'A')
    || setweight(to_tsvector('crm_search', coalesce(email, '')), 'B')) STORED;
CREATE INDEX ix_contacts_search_vector ON contacts USING gin (search_vector);

ALTER TABLE deals ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('crm_search', title), 'A')) STORED;
CREATE INDEX ix_deals_search_vector ON deals USING gin (search_vector);
CREATE INDEX ix_deals_title_trgm ON deals USING gin (crm_unaccent(lower(title)) gin_trgm_ops);

ALTER TABLE tasks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('crm_search', title), 'A')
    || setweight(to_tsvector('crm_search', coalesce(description, '')), 'B')) STORED;
CREATE INDEX ix_tasks_search_vector ON tasks USING gin (search_vector);
CREATE INDEX ix_tasks_title_trgm ON tasks USING gin (crm_unaccent(lower(title)) gin_trgm_ops);

ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    CASE WHEN type = 'comment'
         THEN setweight(to_tsvector('crm_search', coalesce(payload ->> 'text', '')), 'B')
    END) STORED;
CREATE INDEX ix_activities_search_vector ON activities USING gin (search_vector) WHERE type = 'comment';
