using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suppressions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("suppressions_pkey", x => x.id);
                    table.ForeignKey(
                        name: "suppressions_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_suppressions_organization_created",
                table: "suppressions",
                columns: new[] { "organization_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ux_suppressions_organization_hash",
                table: "suppressions",
                columns: new[] { "organization_id", "hash" },
                unique: true);

            // An erasure redacts the values in audit entries' changes: the trigger lets an UPDATE through only when its
            // transaction says so (SET LOCAL crm.audit_redaction = 'on') and it changes nothing but those changes.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION crm_audit_logs_append_only() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('crm.audit_purge', true) = 'on' THEN
                        RETURN OLD;
                    END IF;
                    IF TG_OP = 'UPDATE' AND current_setting('crm.audit_redaction', true) = 'on'
                        AND (to_jsonb(NEW) - 'changes') = (to_jsonb(OLD) - 'changes') THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION crm_audit_logs_append_only() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('crm.audit_purge', true) = 'on' THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                """);

            migrationBuilder.DropTable(
                name: "suppressions");
        }
    }
}
