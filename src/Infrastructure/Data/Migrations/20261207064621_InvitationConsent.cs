using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvitationConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_invitations_pending",
                table: "invitations");

            migrationBuilder.AddColumn<DateTime>(
                name: "declined_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "revoked_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_pending_email",
                table: "invitations",
                column: "normalized_email",
                filter: "accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_invitations_pending",
                table: "invitations",
                columns: new[] { "organization_id", "normalized_email" },
                unique: true,
                filter: "accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_invitations_pending_email",
                table: "invitations");

            migrationBuilder.DropIndex(
                name: "ux_invitations_pending",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "declined_at",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "revoked_at",
                table: "invitations");

            migrationBuilder.CreateIndex(
                name: "ux_invitations_pending",
                table: "invitations",
                columns: new[] { "organization_id", "normalized_email" },
                unique: true,
                filter: "accepted_at IS NULL");
        }
    }
}
