using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchCustomFieldValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text values of custom fields (text, select, multi-select, url, ...) join each record's full-text vector,
            // weighing least (C), so that the global search finds "Platinum" on the contact whose tier says so.
            // PostgreSQL 15 cannot change a generated column's expression: each column and its index are made again.
            migrationBuilder.Sql("""
                DROP INDEX ix_contacts_search_vector;
                ALTER TABLE contacts DROP COLUMN search_vector;
                ALTER TABLE contacts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', name), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(email, '')), 'B')
                    || setweight(jsonb_to_tsvector('crm_search', custom_fields, '["string"]'), 'C')) STORED;
                CREATE INDEX ix_contacts_search_vector ON contacts USING gin (search_vector);

                DROP INDEX ix_companies_search_vector;
                ALTER TABLE companies DROP COLUMN search_vector;
                ALTER TABLE companies ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', name), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(domain, '')), 'B')
                    || setweight(jsonb_to_tsvector('crm_search', custom_fields, '["string"]'), 'C')) STORED;
                CREATE INDEX ix_companies_search_vector ON companies USING gin (search_vector);

                DROP INDEX ix_deals_search_vector;
                ALTER TABLE deals DROP COLUMN search_vector;
                ALTER TABLE deals ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', title), 'A')
                    || setweight(jsonb_to_tsvector('crm_search', custom_fields, '["string"]'), 'C')) STORED;
                CREATE INDEX ix_deals_search_vector ON deals USING gin (search_vector);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_contacts_search_vector;
                ALTER TABLE contacts DROP COLUMN search_vector;
                ALTER TABLE contacts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', name), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(email, '')), 'B')) STORED;
                CREATE INDEX ix_contacts_search_vector ON contacts USING gin (search_vector);

                DROP INDEX ix_companies_search_vector;
                ALTER TABLE companies DROP COLUMN search_vector;
                ALTER TABLE companies ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', name), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(domain, '')), 'B')) STORED;
                CREATE INDEX ix_companies_search_vector ON companies USING gin (search_vector);

                DROP INDEX ix_deals_search_vector;
                ALTER TABLE deals DROP COLUMN search_vector;
                ALTER TABLE deals ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', title), 'A')) STORED;
                CREATE INDEX ix_deals_search_vector ON deals USING gin (search_vector);
                """);
        }
    }
}
