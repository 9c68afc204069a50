using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DealStageAndCloseTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_organization_created",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_organization_status_amount",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_activities_organization_changes",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_organization_created",
                table: "activities");

            migrationBuilder.AddColumn<DateTime>(
                name: "closed_at",
                table: "deals",
                type: "timestamp with time zone",
                nullable: true)
                .Annotation("Relational:ColumnOrder", 14);

            migrationBuilder.AddColumn<DateTime>(
                name: "stage_changed_at",
                table: "deals",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()")
                .Annotation("Relational:ColumnOrder", 15);

            // Every row gets its own value below; the default only fills the column while it is added.
            migrationBuilder.Sql("ALTER TABLE deals ALTER COLUMN stage_changed_at DROP DEFAULT;");

            // A won or lost deal closed at its last move to that status on its timeline (its last update when the
            // timeline has none); a deal entered its stage at its last stage change (its creation when none). Each
            // stage change on the timeline records when the deal had entered the stage it left. Filling the new
            // columns is not a change of the deals: the change feed's trigger is off while it runs, inside the
            // migration's transaction.
            migrationBuilder.Sql("""
                ALTER TABLE deals DISABLE TRIGGER deals_record_update;
                UPDATE deals d
                   SET closed_at = CASE WHEN d.status IN ('won', 'lost') THEN coalesce(
                           (SELECT max(a.created_at) FROM activities a
                             WHERE a.deal_id = d.id AND a.type = 'status_changed' AND a.payload ->> 'to' = d.status),
                           d.updated_at) END,
                       stage_changed_at = coalesce(
                           (SELECT max(a.created_at) FROM activities a WHERE a.deal_id = d.id AND a.type = 'stage_changed'),
                           d.created_at);
                ALTER TABLE deals ENABLE TRIGGER deals_record_update;

                UPDATE activities a
                   SET payload = a.payload || jsonb_build_object('from_entered_at', e.entered_at)
                  FROM (SELECT s.id, coalesce(lag(s.created_at) OVER (PARTITION BY s.deal_id ORDER BY s.created_at, s.id), d.created_at) AS entered_at
                          FROM activities s JOIN deals d ON d.id = s.deal_id
                         WHERE s.type = 'stage_changed') e
                 WHERE a.id = e.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_closed",
                table: "deals",
                columns: new[] { "organization_id", "closed_at" },
                filter: "closed_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "currency", "amount", "owner_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_created",
                table: "deals",
                columns: new[] { "organization_id", "created_at", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "currency", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_status_amount",
                table: "deals",
                columns: new[] { "organization_id", "status", "amount", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "owner_id", "currency" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_organization_logged",
                table: "activities",
                columns: new[] { "organization_id", "created_at" },
                filter: "type IN ('comment', 'note', 'call', 'meeting', 'email')")
                .Annotation("Npgsql:IndexInclude", new[] { "author_id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_organization_stage_changes",
                table: "activities",
                columns: new[] { "organization_id", "created_at" },
                filter: "type = 'stage_changed'")
                .Annotation("Npgsql:IndexInclude", new[] { "payload" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_organization_closed",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_organization_created",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_deals_organization_status_amount",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_activities_organization_logged",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_organization_stage_changes",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "stage_changed_at",
                table: "deals");

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_created",
                table: "deals",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_status_amount",
                table: "deals",
                columns: new[] { "organization_id", "status", "amount", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_organization_changes",
                table: "activities",
                columns: new[] { "organization_id", "type", "deal_id", "created_at" },
                filter: "type IN ('status_changed', 'stage_changed')")
                .Annotation("Npgsql:IndexInclude", new[] { "payload" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_organization_created",
                table: "activities",
                columns: new[] { "organization_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "author_id", "type" });
        }
    }
}
