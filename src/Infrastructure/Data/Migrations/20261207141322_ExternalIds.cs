using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExternalIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "deals",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true)
                .Annotation("Relational:ColumnOrder", 11);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "contacts",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true)
                .Annotation("Relational:ColumnOrder", 10);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_organization_updated",
                table: "tasks",
                columns: new[] { "organization_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ux_deals_organization_external_id",
                table: "deals",
                columns: new[] { "organization_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_organization_updated",
                table: "contacts",
                columns: new[] { "organization_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ux_contacts_organization_external_id",
                table: "contacts",
                columns: new[] { "organization_id", "external_id" },
                unique: true,
                filter: "external_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_organization_updated",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ux_deals_organization_external_id",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_contacts_organization_updated",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ux_contacts_organization_external_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "contacts");
        }
    }
}
