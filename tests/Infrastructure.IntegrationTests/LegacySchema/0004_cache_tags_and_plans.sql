-- Versions of cache tags, shared by every instance: an invalidation bumps one, and cached answers stored under an
-- older version are never read again.
CREATE TABLE cache_tags (
    tag     varchar(200) PRIMARY KEY,
    version bigint       NOT NULL
);

-- Each organization's plan sets its rate limits.
ALTER TABLE organizations ADD COLUMN plan varchar(16) NOT NULL DEFAULT 'free'
    CHECK (plan IN ('free', 'pro', 'enterprise'));
