using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TaskAssignees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "activities_type_check",
                table: "activities");

            migrationBuilder.AlterColumn<Guid>(
                name: "deal_id",
                table: "tasks",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "assignee_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "contact_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            // Tasks made before assignees belong to whoever owns their deal, the person who answered for them so far.
            migrationBuilder.Sql(
                "UPDATE tasks t SET assignee_id = d.owner_id FROM deals d WHERE d.organization_id = t.organization_id AND d.id = t.deal_id;");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "organizations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC")
                .Annotation("Relational:ColumnOrder", 7);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_assignee_due",
                table: "tasks",
                columns: new[] { "organization_id", "assignee_id", "due_date", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_contact_due",
                table: "tasks",
                columns: new[] { "contact_id", "due_date", "created_at", "id" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_tasks_one_record",
                table: "tasks",
                sql: "(deal_id IS NULL) <> (contact_id IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "activities_type_check",
                table: "activities",
                sql: "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system', 'task_assigned')");

            migrationBuilder.AddForeignKey(
                name: "fk_tasks_contact",
                table: "tasks",
                columns: new[] { "organization_id", "contact_id" },
                principalTable: "contacts",
                principalColumns: new[] { "organization_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tasks_contact",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_assignee_due",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_contact_due",
                table: "tasks");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tasks_one_record",
                table: "tasks");

            migrationBuilder.DropCheckConstraint(
                name: "activities_type_check",
                table: "activities");

            // Without a contact link, a contact's task has nowhere to be; the assignment entries name a type the old check refuses.
            migrationBuilder.Sql("DELETE FROM tasks WHERE deal_id IS NULL;");
            migrationBuilder.Sql("DELETE FROM activities WHERE type = 'task_assigned';");

            migrationBuilder.DropColumn(
                name: "assignee_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "contact_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "organizations");

            migrationBuilder.AlterColumn<Guid>(
                name: "deal_id",
                table: "tasks",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "activities_type_check",
                table: "activities",
                sql: "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system')");
        }
    }
}
