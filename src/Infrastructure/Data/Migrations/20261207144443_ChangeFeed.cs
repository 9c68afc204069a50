using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "change_feed_purge_marks",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    transaction_id = table.Column<ulong>(type: "xid8", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("change_feed_purge_marks_pkey", x => new { x.organization_id, x.record_type });
                    table.ForeignKey(
                        name: "change_feed_purge_marks_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_changes",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    transaction_id = table.Column<ulong>(type: "xid8", nullable: false, defaultValueSql: "pg_current_xact_id()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("record_changes_pkey", x => x.sequence);
                    table.ForeignKey(
                        name: "record_changes_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_record_changes_changed_at",
                table: "record_changes",
                column: "changed_at");

            migrationBuilder.CreateIndex(
                name: "ix_record_changes_organization_position",
                table: "record_changes",
                columns: new[] { "organization_id", "transaction_id", "sequence" });

            // Every write of a contact, deal or task records its change in its own transaction, whatever made it: EF's
            // SaveChanges, a bulk UPDATE or DELETE, a COPY, raw SQL or a cascade (a deleted deal's tasks). An UPDATE
            // that leaves the row as it was records nothing.
            migrationBuilder.Sql("""
                CREATE FUNCTION crm_record_change() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        INSERT INTO record_changes (organization_id, record_type, record_id, action)
                        VALUES (OLD.organization_id, TG_ARGV[0], OLD.id, 'Deleted');
                    ELSE
                        INSERT INTO record_changes (organization_id, record_type, record_id, action)
                        VALUES (NEW.organization_id, TG_ARGV[0], NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'Created' ELSE 'Updated' END);
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER contacts_record_change AFTER INSERT OR DELETE ON contacts
                    FOR EACH ROW EXECUTE FUNCTION crm_record_change('Contact');
                CREATE TRIGGER contacts_record_update AFTER UPDATE ON contacts
                    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION crm_record_change('Contact');
                CREATE TRIGGER deals_record_change AFTER INSERT OR DELETE ON deals
                    FOR EACH ROW EXECUTE FUNCTION crm_record_change('Deal');
                CREATE TRIGGER deals_record_update AFTER UPDATE ON deals
                    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION crm_record_change('Deal');
                CREATE TRIGGER tasks_record_change AFTER INSERT OR DELETE ON tasks
                    FOR EACH ROW EXECUTE FUNCTION crm_record_change('Task');
                CREATE TRIGGER tasks_record_update AFTER UPDATE ON tasks
                    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION crm_record_change('Task');
                """);

            // What the feed reads: only rows of transactions below the oldest one still running, in the reading
            // statement's own snapshot. Every transaction below that horizon has committed (its rows visible) or rolled
            // back, and every row still to come will carry a larger transaction id, so a reader that follows
            // (transaction_id, sequence) never passes a row that commits later.
            migrationBuilder.Sql("""
                CREATE VIEW settled_record_changes AS
                SELECT * FROM record_changes WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot());
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW settled_record_changes;
                DROP TRIGGER contacts_record_change ON contacts;
                DROP TRIGGER contacts_record_update ON contacts;
                DROP TRIGGER deals_record_change ON deals;
                DROP TRIGGER deals_record_update ON deals;
                DROP TRIGGER tasks_record_change ON tasks;
                DROP TRIGGER tasks_record_update ON tasks;
                DROP FUNCTION crm_record_change();
                """);

            migrationBuilder.DropTable(
                name: "change_feed_purge_marks");

            migrationBuilder.DropTable(
                name: "record_changes");
        }
    }
}
