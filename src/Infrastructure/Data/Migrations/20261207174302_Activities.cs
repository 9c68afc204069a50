using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Activities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "activities_type_check",
                table: "activities");

            migrationBuilder.AlterColumn<Guid>(
                name: "deal_id",
                table: "activities",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "body",
                table: "activities",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "company_id",
                table: "activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "contact_id",
                table: "activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_minutes",
                table: "activities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "mentions",
                table: "activities",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'::uuid[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "occurred_at",
                table: "activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "activities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "activities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "activities",
                type: "timestamp with time zone",
                nullable: true);

            // Search finds logged activities by subject (weighing more) and body, as it finds comments by their text.
            migrationBuilder.Sql("""
                DROP INDEX ix_activities_search_vector;
                ALTER TABLE activities DROP COLUMN search_vector;
                ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    CASE WHEN type = 'comment'
                         THEN setweight(to_tsvector('crm_search', coalesce(payload ->> 'text', '')), 'B')
                         WHEN type IN ('note', 'call', 'meeting', 'email')
                         THEN setweight(to_tsvector('crm_search', coalesce(subject, '')), 'A')
                              || setweight(to_tsvector('crm_search', coalesce(body, '')), 'B')
                    END) STORED;
                CREATE INDEX ix_activities_search_vector ON activities USING gin (search_vector)
                    WHERE type IN ('comment', 'note', 'call', 'meeting', 'email');
                """);

            // As a contact or a company is deleted, the entries left on no other record go with it and the others forget it,
            // in the statement that deletes it (as a foreign key's action would): a request that loses a race to delete
            // the record deletes nothing here either.
            migrationBuilder.Sql("""
                CREATE FUNCTION crm_forget_timeline_record() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_ARGV[0] = 'contact' THEN
                        DELETE FROM activities WHERE organization_id = OLD.organization_id AND contact_id = OLD.id
                            AND deal_id IS NULL AND company_id IS NULL;
                        UPDATE activities SET contact_id = NULL WHERE organization_id = OLD.organization_id AND contact_id = OLD.id;
                    ELSE
                        DELETE FROM activities WHERE organization_id = OLD.organization_id AND company_id = OLD.id
                            AND deal_id IS NULL AND contact_id IS NULL;
                        UPDATE activities SET company_id = NULL WHERE organization_id = OLD.organization_id AND company_id = OLD.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER contacts_forget_timeline AFTER DELETE ON contacts
                    FOR EACH ROW EXECUTE FUNCTION crm_forget_timeline_record('contact');
                CREATE TRIGGER companies_forget_timeline AFTER DELETE ON companies
                    FOR EACH ROW EXECUTE FUNCTION crm_forget_timeline_record('company');
                """);

            // A deal's earlier entries show on its contact's and company's timelines too.
            migrationBuilder.Sql(
                "UPDATE activities a SET contact_id = d.contact_id, company_id = d.company_id FROM deals d " +
                "WHERE d.organization_id = a.organization_id AND d.id = a.deal_id;");

            migrationBuilder.CreateIndex(
                name: "ix_activities_company_timeline",
                table: "activities",
                columns: new[] { "company_id", "created_at", "id" },
                descending: new[] { false, true, true },
                filter: "company_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_activities_contact_timeline",
                table: "activities",
                columns: new[] { "contact_id", "created_at", "id" },
                descending: new[] { false, true, true },
                filter: "contact_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_activities_feed",
                table: "activities",
                columns: new[] { "organization_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_activities_mentions",
                table: "activities",
                column: "mentions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.AddCheckConstraint(
                name: "activities_type_check",
                table: "activities",
                sql: "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system', 'task_assigned', 'note', 'call', 'meeting', 'email', 'contact_updated', 'company_updated')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER contacts_forget_timeline ON contacts;
                DROP TRIGGER companies_forget_timeline ON companies;
                DROP FUNCTION crm_forget_timeline_record();
                DROP INDEX ix_activities_search_vector;
                ALTER TABLE activities DROP COLUMN search_vector;
                ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    CASE WHEN type = 'comment'
                         THEN setweight(to_tsvector('crm_search', coalesce(payload ->> 'text', '')), 'B')
                    END) STORED;
                CREATE INDEX ix_activities_search_vector ON activities USING gin (search_vector) WHERE type = 'comment';
                DELETE FROM activities WHERE deal_id IS NULL OR type IN ('note', 'call', 'meeting', 'email');
                """);

            migrationBuilder.DropIndex(
                name: "ix_activities_company_timeline",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_contact_timeline",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_feed",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_mentions",
                table: "activities");

            migrationBuilder.DropCheckConstraint(
                name: "activities_type_check",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "body",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "company_id",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "contact_id",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "duration_minutes",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "mentions",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "occurred_at",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "activities");

            migrationBuilder.AlterColumn<Guid>(
                name: "deal_id",
                table: "activities",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "activities_type_check",
                table: "activities",
                sql: "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system', 'task_assigned')");
        }
    }
}
