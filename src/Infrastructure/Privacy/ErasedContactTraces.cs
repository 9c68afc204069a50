using Crm.Application.Common.Caching;
using Crm.Application.Contacts.Commands.EraseContact;
using Crm.Domain.Activities;
using Crm.Domain.Attachments;
using Crm.Domain.Auditing;
using Crm.Domain.Contacts;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Crm.Infrastructure.Privacy;

/// <summary>
/// Redacts an erased contact's traces with a few set-based statements in the command's transaction. Changes lists
/// (<c>[{field, from, to}]</c>) keep their fields and lose their values, <c>[erased]</c> in place of each one that was
/// set, except the ids of the owner and the company, which are the organization's.
/// </summary>
internal sealed class ErasedContactTraces(CrmDbContext db, ICacheInvalidations invalidations) : IErasedContactTraces
{
    /// <summary>The change lists' fields whose values are not the person's.</summary>
    private const string KeptFields = "ARRAY['owner_id', 'company_id', 'contact_id', 'deal_id', 'type', 'occurred_at', 'duration_minutes', 'author_id', 'author_type', 'mentions', 'size', 'content_type']";

    public async Task RedactAsync(Guid organizationId, Guid contactId, CancellationToken cancellationToken)
    {
        var erased = Contact.ErasedValue;

        // The audit log's trigger lets this transaction redact entries' changes, and nothing else, until it is reset below.
        await ExecuteAsync("SET LOCAL crm.audit_redaction = 'on'", [], cancellationToken);

        // Logged activities linked to this contact alone lose their texts, and their audit entries the values.
        await ExecuteAsync(
            $"""
            WITH redacted AS (
                UPDATE activities
                SET subject = CASE WHEN subject IS NULL THEN NULL ELSE $3 END,
                    body = CASE WHEN body IS NULL THEN NULL ELSE $3 END,
                    outcome = CASE WHEN outcome IS NULL THEN NULL ELSE $3 END
                WHERE organization_id = $1 AND contact_id = $2 AND deal_id IS NULL AND company_id IS NULL
                  AND type IN ('note', 'call', 'meeting', 'email')
                RETURNING id)
            UPDATE audit_logs SET changes = {Redacted("changes")}
            WHERE organization_id = $1 AND entity_type = 'activity' AND entity_id IN (SELECT id FROM redacted)
            """,
            [organizationId, contactId, erased],
            cancellationToken);

        // The contact's own timeline: its field changes.
        await ExecuteAsync(
            $$"""
            UPDATE activities SET payload = jsonb_set(payload, '{changes}', {{Redacted("payload->'changes'")}})
            WHERE organization_id = $1 AND contact_id = $2 AND deal_id IS NULL AND type = 'contact_updated'
              AND jsonb_typeof(payload->'changes') = 'array'
            """,
            [organizationId, contactId, erased],
            cancellationToken);

        // Its audit entries, and those of its attachments, which are deleted.
        await ExecuteAsync(
            $"""
            WITH gone AS (DELETE FROM attachments WHERE organization_id = $1 AND contact_id = $2 RETURNING id)
            UPDATE audit_logs SET changes = {Redacted("changes")}
            WHERE organization_id = $1 AND jsonb_typeof(changes) = 'array'
              AND ((entity_type = 'contact' AND entity_id = $2) OR entity_id IN (SELECT id FROM gone))
            """,
            [organizationId, contactId, erased],
            cancellationToken);

        await ExecuteAsync("SET LOCAL crm.audit_redaction = 'off'", [], cancellationToken);

        // Webhook deliveries about it keep their event, not the contact's data; stored idempotent answers that hold it go.
        await ExecuteAsync(
            """
            UPDATE webhook_deliveries
            SET payload = jsonb_set(payload::jsonb, '{data}', '{"object": null, "changes": []}'::jsonb)::text,
                last_response_body = NULL
            WHERE organization_id = $1 AND record_id = $2 AND payload IS NOT NULL
            """,
            [organizationId, contactId],
            cancellationToken);
        await ExecuteAsync(
            """
            DELETE FROM idempotency_keys
            WHERE organization_id = $1 AND response IS NOT NULL AND position(convert_to($2, 'UTF8') IN response) > 0
            """,
            [organizationId, contactId.ToString()],
            cancellationToken);

        invalidations.Invalidate(organizationId, CacheTags.RecordsOf(typeof(Activity)));
        invalidations.Invalidate(organizationId, CacheTags.RecordsOf(typeof(Attachment)));
        invalidations.Invalidate(organizationId, CacheTags.RecordsOf(typeof(AuditEntry)));
    }

    /// <summary>The SQL of a changes list (a jsonb array) with its personal values replaced by <c>$3</c>.</summary>
    private static string Redacted(string list) =>
        $"""
        (SELECT coalesce(jsonb_agg(
            CASE WHEN c->>'field' = ANY({KeptFields}) THEN c
                 ELSE c || jsonb_build_object(
                     'from', CASE WHEN coalesce(c->'from', 'null'::jsonb) = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb($3::text) END,
                     'to', CASE WHEN coalesce(c->'to', 'null'::jsonb) = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb($3::text) END)
            END ORDER BY n), '[]'::jsonb)
         FROM jsonb_array_elements({list}) WITH ORDINALITY AS x(c, n))
        """;

    /// <summary>Runs a statement with positional parameters on the context's connection, in its transaction.</summary>
    private async Task ExecuteAsync(string sql, object[] values, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
