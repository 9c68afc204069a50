using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Tags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "tag_keys",
                table: "deals",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string[]>(
                name: "tags",
                table: "deals",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string[]>(
                name: "tag_keys",
                table: "contacts",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string[]>(
                name: "tags",
                table: "contacts",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string[]>(
                name: "tag_keys",
                table: "companies",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string[]>(
                name: "tags",
                table: "companies",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateIndex(
                name: "ix_deals_tag_keys",
                table: "deals",
                column: "tag_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tag_keys",
                table: "contacts",
                column: "tag_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_companies_tag_keys",
                table: "companies",
                column: "tag_keys")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_tag_keys",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tag_keys",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tag_keys",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "tag_keys",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "tag_keys",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "tag_keys",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "companies");
        }
    }
}
