using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "stage_probability_negotiation",
                table: "organizations",
                type: "integer",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "stage_probability_proposal",
                table: "organizations",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "stage_probability_qualification",
                table: "organizations",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<DateOnly>(
                name: "expected_close_date",
                table: "deals",
                type: "date",
                nullable: true)
                .Annotation("Relational:ColumnOrder", 13);

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_expected_close",
                table: "deals",
                columns: new[] { "organization_id", "expected_close_date" },
                filter: "expected_close_date IS NOT NULL");

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_organization_expected_close",
                table: "deals");

            migrationBuilder.DropIndex(
                name: "ix_activities_organization_changes",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_organization_created",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "stage_probability_negotiation",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "stage_probability_proposal",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "stage_probability_qualification",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "expected_close_date",
                table: "deals");
        }
    }
}
