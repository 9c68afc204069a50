using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            // What the model cannot say: PostgreSQL functions, the text search configuration, expression and
            // generated-column indexes, and the audit trail's trigger. Written as PostgreSQL prints them back, so
            // that a new database and one upgraded from the former SQL migrations have the same schema.

            // unaccent() is only STABLE because its dictionary could be swapped; naming the dictionary makes this
            // wrapper safe to declare IMMUTABLE, so that it can feed a generated column and an index.
            migrationBuilder.Sql("""
                CREATE FUNCTION crm_unaccent(text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);

            // Full-text search: 'simple' (no stemming: names and mixed languages) with accents removed, so that
            // matching and highlighting both ignore accents.
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION crm_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION crm_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                """);

            migrationBuilder.CreateTable(
                name: "cache_tags",
                columns: table => new
                {
                    tag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("cache_tags_pkey", x => x.tag);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    default_currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    plan = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "free"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("organizations_pkey", x => x.id);
                    table.CheckConstraint("organizations_plan_check", "plan IN ('free', 'pro', 'enterprise')");
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("users_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    html_body = table.Column<string>(type: "text", nullable: false),
                    text_body = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("outbox_messages_pkey", x => x.id);
                    table.CheckConstraint("outbox_messages_status_check", "status IN ('pending', 'sending', 'sent', 'failed')");
                    table.ForeignKey(
                        name: "outbox_messages_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'"),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    trace_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("audit_logs_pkey", x => x.id);
                    table.ForeignKey(
                        name: "audit_logs_actor_id_fkey",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "audit_logs_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    search_text = table.Column<string>(type: "text", nullable: true, computedColumnSql: "crm_unaccent(lower(name || ' ' || coalesce(email, '')))", stored: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("contacts_pkey", x => x.id);
                    table.UniqueConstraint("ux_contacts_organization_id_id", x => new { x.organization_id, x.id });
                    table.ForeignKey(
                        name: "contacts_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "contacts_owner_id_fkey",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    invited_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("invitations_pkey", x => x.id);
                    table.CheckConstraint("invitations_role_check", "role IN ('owner', 'admin', 'manager', 'member')");
                    table.ForeignKey(
                        name: "invitations_invited_by_fkey",
                        column: x => x.invited_by,
                        principalTable: "users",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "invitations_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => new { x.organization_id, x.user_id });
                    table.CheckConstraint("memberships_role_check", "role IN ('owner', 'admin', 'manager', 'member')");
                    table.ForeignKey(
                        name: "memberships_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "memberships_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "password_reset_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("password_reset_tokens_pkey", x => x.id);
                    table.ForeignKey(
                        name: "password_reset_tokens_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("user_sessions_pkey", x => x.id);
                    table.ForeignKey(
                        name: "user_sessions_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("deals_pkey", x => x.id);
                    table.UniqueConstraint("ux_deals_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_deals_closed_means_outcome", "(stage = 'closed') = (status IN ('won', 'lost'))");
                    table.CheckConstraint("deals_amount_check", "amount >= 0");
                    table.CheckConstraint("deals_stage_check", "stage IN ('qualification', 'proposal', 'negotiation', 'closed')");
                    table.CheckConstraint("deals_status_check", "status IN ('new', 'in_progress', 'won', 'lost')");
                    table.ForeignKey(
                        name: "deals_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "deals_owner_id_fkey",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_deals_contact",
                        columns: x => new { x.organization_id, x.contact_id },
                        principalTable: "contacts",
                        principalColumns: new[] { "organization_id", "id" });
                });

            migrationBuilder.CreateTable(
                name: "refresh_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("refresh_tokens_pkey", x => x.id);
                    table.ForeignKey(
                        name: "refresh_tokens_session_id_fkey",
                        column: x => x.session_id,
                        principalTable: "user_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("activities_pkey", x => x.id);
                    table.CheckConstraint("activities_type_check", "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system')");
                    table.ForeignKey(
                        name: "activities_author_id_fkey",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_activities_deal",
                        columns: x => new { x.organization_id, x.deal_id },
                        principalTable: "deals",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("attachments_pkey", x => x.id);
                    table.CheckConstraint("attachments_size_check", "size > 0");
                    table.CheckConstraint("ck_attachments_one_record", "(contact_id IS NULL) <> (deal_id IS NULL)");
                    table.ForeignKey(
                        name: "attachments_organization_id_fkey",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "attachments_uploaded_by_fkey",
                        column: x => x.uploaded_by,
                        principalTable: "users",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_attachments_contact",
                        columns: x => new { x.organization_id, x.contact_id },
                        principalTable: "contacts",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_attachments_deal",
                        columns: x => new { x.organization_id, x.deal_id },
                        principalTable: "deals",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    is_done = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("tasks_pkey", x => x.id);
                    table.ForeignKey(
                        name: "fk_tasks_deal",
                        columns: x => new { x.organization_id, x.deal_id },
                        principalTable: "deals",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_deal_timeline",
                table: "activities",
                columns: new[] { "deal_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_contact",
                table: "attachments",
                columns: new[] { "contact_id", "created_at" },
                descending: new[] { false, true },
                filter: "contact_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_deal",
                table: "attachments",
                columns: new[] { "deal_id", "created_at" },
                descending: new[] { false, true },
                filter: "deal_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_actor_time",
                table: "audit_logs",
                columns: new[] { "actor_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_created",
                table: "audit_logs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_entity",
                table: "audit_logs",
                columns: new[] { "organization_id", "entity_type", "entity_id", "created_at" },
                descending: new[] { false, false, false, true });

            migrationBuilder.CreateIndex(
                name: "ix_audit_logs_organization_time",
                table: "audit_logs",
                columns: new[] { "organization_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_organization_created",
                table: "contacts",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_organization_owner",
                table: "contacts",
                columns: new[] { "organization_id", "owner_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_search_trgm",
                table: "contacts",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ux_contacts_organization_email",
                table: "contacts",
                columns: new[] { "organization_id", "normalized_email" },
                unique: true,
                filter: "normalized_email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_amount",
                table: "deals",
                columns: new[] { "organization_id", "amount", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_contact",
                table: "deals",
                columns: new[] { "organization_id", "contact_id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_created",
                table: "deals",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_owner",
                table: "deals",
                columns: new[] { "organization_id", "owner_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_stage",
                table: "deals",
                columns: new[] { "organization_id", "stage", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_status_amount",
                table: "deals",
                columns: new[] { "organization_id", "status", "amount", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_organization_updated",
                table: "deals",
                columns: new[] { "organization_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_invitations_pending",
                table: "invitations",
                columns: new[] { "organization_id", "normalized_email" },
                unique: true,
                filter: "accepted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_memberships_user_id",
                table: "memberships",
                columns: new[] { "user_id", "organization_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "role" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_due",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_organization",
                table: "outbox_messages",
                columns: new[] { "organization_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ux_password_reset_tokens_hash",
                table: "password_reset_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_session_id",
                table: "refresh_tokens",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ux_refresh_tokens_token_hash",
                table: "refresh_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_deal_due",
                table: "tasks",
                columns: new[] { "deal_id", "due_date", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_organization_due",
                table: "tasks",
                columns: new[] { "organization_id", "due_date", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_organization_open_due",
                table: "tasks",
                columns: new[] { "organization_id", "due_date", "created_at", "id" },
                filter: "NOT is_done");

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_user_id",
                table: "user_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_users_normalized_email",
                table: "users",
                column: "normalized_email",
                unique: true);

            // List orders by name and title, case-insensitively.
            migrationBuilder.Sql("""
                CREATE INDEX ix_contacts_organization_name ON contacts (organization_id, lower(name), id);
                CREATE INDEX ix_deals_organization_title ON deals (organization_id, lower(title), id);
                """);

            // Each searchable record carries a generated, weighted, unaccented tsvector (names and titles weigh A,
            // emails and bodies B), current in the same transaction as every write. They stay out of the model so
            // that loading a record never reads them. Trigram indexes on titles serve the typo-tolerant fallback.
            migrationBuilder.Sql("""
                ALTER TABLE contacts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', name), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(email, '')), 'B')) STORED;
                CREATE INDEX ix_contacts_search_vector ON contacts USING gin (search_vector);

                ALTER TABLE deals ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', title), 'A')) STORED;
                CREATE INDEX ix_deals_search_vector ON deals USING gin (search_vector);
                CREATE INDEX ix_deals_title_trgm ON deals USING gin (crm_unaccent(lower(title)) gin_trgm_ops);

                ALTER TABLE tasks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('crm_search', title), 'A')
                    || setweight(to_tsvector('crm_search', coalesce(description, '')), 'B')) STORED;
                CREATE INDEX ix_tasks_search_vector ON tasks USING gin (search_vector);
                CREATE INDEX ix_tasks_title_trgm ON tasks USING gin (crm_unaccent(lower(title)) gin_trgm_ops);

                ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    CASE WHEN type = 'comment'
                         THEN setweight(to_tsvector('crm_search', coalesce(payload ->> 'text', '')), 'B')
                    END) STORED;
                CREATE INDEX ix_activities_search_vector ON activities USING gin (search_vector) WHERE type = 'comment';
                """);

            // The audit trail is append-only for the application: the trigger refuses every UPDATE, and every
            // DELETE except the retention job's, which marks its own transaction with SET LOCAL crm.audit_purge = 'on'.
            migrationBuilder.Sql("""
                CREATE FUNCTION crm_audit_logs_append_only() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('crm.audit_purge', true) = 'on' THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'audit_logs is append-only' USING ERRCODE = 'insufficient_privilege';
                END
                $$;

                CREATE TRIGGER audit_logs_append_only
                    BEFORE UPDATE OR DELETE ON audit_logs
                    FOR EACH ROW EXECUTE FUNCTION crm_audit_logs_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION crm_audit_logs_append_only() CASCADE;");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "audit_logs");

            migrationBuilder.DropTable(
                name: "cache_tags");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "password_reset_tokens");

            migrationBuilder.DropTable(
                name: "refresh_tokens");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "user_sessions");

            migrationBuilder.DropTable(
                name: "deals");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.Sql("""
                DROP TEXT SEARCH CONFIGURATION crm_search;
                DROP FUNCTION crm_unaccent(text);
                """);
        }
    }
}
