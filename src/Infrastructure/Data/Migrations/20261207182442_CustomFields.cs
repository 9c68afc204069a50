using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "custom_fields",
                table: "deals",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "custom_fields",
                table: "contacts",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "custom_fields",
                table: "companies",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            // PostgreSQL 15 cannot change a generated column's expression: the column and its trigram index are made again.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_contacts_search_trgm;
                ALTER TABLE contacts DROP COLUMN search_text;
                ALTER TABLE contacts ADD COLUMN search_text text GENERATED ALWAYS AS (crm_unaccent(lower(name || ' ' || coalesce(email, '') || ' ' || jsonb_path_query_array(custom_fields, 'strict $.* ? (@.type() == "string")')::text))) STORED;
                CREATE INDEX ix_contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops);
                """);

            // PostgreSQL 15 cannot change a generated column's expression: the column and its trigram index are made again.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_companies_search_trgm;
                ALTER TABLE companies DROP COLUMN search_text;
                ALTER TABLE companies ADD COLUMN search_text text GENERATED ALWAYS AS (crm_unaccent(lower(name || ' ' || coalesce(domain, '') || ' ' || jsonb_path_query_array(custom_fields, 'strict $.* ? (@.type() == "string")')::text))) STORED;
                CREATE INDEX ix_companies_search_trgm ON companies USING gin (search_text gin_trgm_ops);
                """);

            migrationBuilder.CreateTable(
                name: "custom_field_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    options = table.Column<string[]>(type: "text[]", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("custom_field_definitions_pkey", x => x.id);
                    table.ForeignKey(
                        name: "custom_field_definitions_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deals_custom_fields",
                table: "deals",
                column: "custom_fields")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_custom_fields",
                table: "contacts",
                column: "custom_fields")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_custom_fields",
                table: "companies",
                column: "custom_fields")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ux_custom_field_definitions_key",
                table: "custom_field_definitions",
                columns: new[] { "organization_id", "record_type", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custom_field_definitions");

            // PostgreSQL 15 cannot change a generated column's expression: the column and its trigram index are made again.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_contacts_search_trgm;
                ALTER TABLE contacts DROP COLUMN search_text;
                ALTER TABLE contacts ADD COLUMN search_text text GENERATED ALWAYS AS (crm_unaccent(lower(name || ' ' || coalesce(email, '')))) STORED;
                CREATE INDEX ix_contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops);
                """);

            // PostgreSQL 15 cannot change a generated column's expression: the column and its trigram index are made again.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_companies_search_trgm;
                ALTER TABLE companies DROP COLUMN search_text;
                ALTER TABLE companies ADD COLUMN search_text text GENERATED ALWAYS AS (crm_unaccent(lower(name || ' ' || coalesce(domain, '')))) STORED;
                CREATE INDEX ix_companies_search_trgm ON companies USING gin (search_text gin_trgm_ops);
                """);

            migrationBuilder.DropIndex(
                name: "ix_deals_custom_fields",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_contacts_custom_fields",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_custom_fields",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "custom_fields",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "custom_fields",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "custom_fields",
                table: "companies");

        }
    }
}
