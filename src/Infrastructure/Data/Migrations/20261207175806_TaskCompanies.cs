using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskCompanies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tasks_one_record",
                table: "tasks");

            migrationBuilder.AddColumn<Guid>(
                name: "company_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_company_due",
                table: "tasks",
                columns: new[] { "company_id", "due_date", "created_at", "id" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_tasks_one_record",
                table: "tasks",
                sql: "num_nonnulls(deal_id, contact_id, company_id) = 1");

            migrationBuilder.AddForeignKey(
                name: "fk_tasks_company",
                table: "tasks",
                columns: new[] { "organization_id", "company_id" },
                principalTable: "companies",
                principalColumns: new[] { "organization_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tasks_company",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_company_due",
                table: "tasks");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tasks_one_record",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "company_id",
                table: "tasks");

            migrationBuilder.AddCheckConstraint(
                name: "ck_tasks_one_record",
                table: "tasks",
                sql: "(deal_id IS NULL) <> (contact_id IS NULL)");
        }
    }
}
