using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Companies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "company_id",
                table: "deals",
                type: "uuid",
                nullable: true)
                .Annotation("Relational:ColumnOrder", 12);

            migrationBuilder.AddColumn<Guid>(
                name: "company_id",
                table: "contacts",
                type: "uuid",
                nullable: true)
                .Annotation("Relational:ColumnOrder", 11);

            migrationBuilder.CreateTable(
                name: "companies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    employee_count = table.Column<int>(type: "integer", nullable: true),
                    website = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    address_line1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_line2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    address_postal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address_country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: true),
                    search_text = table.Column<string>(type: "text", nullable: true, computedColumnSql: "crm_unaccent(lower(name || ' ' || coalesce(domain, '')))", stored: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("companies_pkey", x => x.id);
                    table.UniqueConstraint("ux_companies_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_companies_employee_count", "employee_count BETWEEN 0 AND 10000000");
                    table.ForeignKey(
                        name: "companies_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "companies_owner_id_fkey",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_company",
                table: "deals",
                columns: new[] { "organization_id", "company_id", "status", "currency" },
                filter: "company_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_organization_company",
                table: "contacts",
                columns: new[] { "organization_id", "company_id", "created_at", "id" },
                filter: "company_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_companies_organization_created",
                table: "companies",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_organization_owner",
                table: "companies",
                columns: new[] { "organization_id", "owner_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_search_trgm",
                table: "companies",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ux_companies_organization_domain",
                table: "companies",
                columns: new[] { "organization_id", "domain" },
                unique: true,
                filter: "domain IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_contacts_company",
                table: "contacts",
                columns: new[] { "organization_id", "company_id" },
                principalTable: "companies",
                principalColumns: new[] { "organization_id", "id" });

            migrationBuilder.AddForeignKey(
                name: "fk_deals_company",
                table: "deals",
                columns: new[] { "organization_id", "company_id" },
                principalTable: "companies",
                principalColumns: new[] { "organization_id", "id" });

            // The name order (lower(name), as contacts), full-text search as contacts (name weighs more than the domain), and the
            // change feed follows companies as it follows contacts.
            migrationBuilder.Sql("""
                CREATE INDEX ix_companies_organization_name ON companies (organization_id, lower(name), id);
                ALTER TABLE companies ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', name), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(domain, '')), 'B')) STORED;
                CREATE INDEX ix_companies_search_vector ON companies USING gin (search_vector);
                CREATE TRIGGER companies_record_change AFTER INSERT OR DELETE ON companies
                    FOR EACH ROW EXECUTE FUNCTION crm_record_change('Company');
                CREATE TRIGGER companies_record_update AFTER UPDATE ON companies
                    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION crm_record_change('Company');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER companies_record_change ON companies;
                DROP TRIGGER companies_record_update ON companies;
                DROP INDEX ix_companies_organization_name;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_contacts_company",
                table: "contacts");

            migrationBuilder.DropForeignKey(
                name: "fk_deals_company",
                table: "deals");

            migrationBuilder.DropTable(
                name: "companies");

            migrationBuilder.DropIndex(
                name: "ix_deals_organization_company",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_contacts_organization_company",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "company_id",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "company_id",
                table: "contacts");
        }
    }
}
