namespace Crm.WebApi.OpenApi;

/// <summary>What a receiver of the organization's webhooks must know, published as the Webhooks tag's description.</summary>
internal static class WebhookDocumentation
{
    public const string TagDescription =
        """
        Signed HTTP callbacks for the organization's events (owners and admins manage them).

        **Events**: `contact.created`, `contact.updated`, `contact.deleted`, `company.created`, `company.updated`,
        `company.deleted`, `deal.created`, `deal.updated`,
        `deal.deleted`, `deal.status_changed`, `deal.stage_changed`, `deal.won`, `deal.lost`, `task.created`,
        `task.updated`, `task.completed`, `task.deleted`, `comment.created`, `activity.created`, `activity.updated`,
        `activity.deleted`, `member.added`, `member.removed`;
        subscribe with their names, `*` (everything) or a resource's wildcard (`deal.*`). `ping` goes only to the webhook
        pinged. A deal's deletion sends `task.deleted` for each of its tasks too; a company's deletion with `detach=true`
        sends `contact.updated` and `deal.updated` (`company_id` cleared) for each of its contacts and deals. Completing a task sends `task.updated`
        then `task.completed`; winning a deal sends `deal.status_changed` then `deal.won` (`deal.updated` covers fields
        other than status and stage).

        **Delivery**: a `POST` of JSON, written in the same transaction as the change (a change that rolls back sends
        nothing; a committed one is never lost), sent after it commits. The events of one record reach a webhook in the
        order of its changes.

        ```json
        {"id": "0193a5b0-7e1c-7c4d-9a51-2f4e8d1c0b6a", "type": "deal.won", "created_at": "2026-11-20T10:15:00Z",
         "organization_id": "0193a5a0-0000-7000-8000-000000000001",
         "actor": {"type": "user", "id": "0193a5a0-0000-7000-8000-000000000002"},
         "data": {"object": {"id": "...", "title": "Compilers", "status": "won", "...": "..."},
                  "changes": [{"field": "status", "from": "in_progress", "to": "won"}]}}
        ```

        `data.object` is the record after the change exactly as its `GET` shows it (a deleted record as it was just
        before; a comment as the timeline shows it; a member as the organization's member list shows it).
        `data.changes` lists each changed field with its old and new value on `*.updated`, `*.status_changed`,
        `*.stage_changed`, `deal.won`, `deal.lost` and `task.completed`; it is empty otherwise. `actor.type` is `user`
        or `api_key`.

        **Headers**: `Crm-Event-Id` (the event's `id`, the same on every retry and redelivery: deduplicate on it),
        `Crm-Event-Type`, `Crm-Timestamp` (Unix seconds of this attempt) and `Crm-Signature: v1=<hex>`, the HMAC-SHA256,
        keyed with the secret's UTF-8 bytes, of `{Crm-Timestamp}.{raw body}`. For 24 hours after a secret rotation
        the header carries two comma-separated `v1=` values, one per secret: accept the request when any matches.
        Compare in constant time and refuse timestamps more than 5 minutes from your clock (replays).

        **Answers**: any `2xx` within 10 seconds delivers. Network errors, timeouts, `408`, `429` (after its
        `Retry-After`) and `5xx` are retried with exponential backoff and jitter for 3 days; other `4xx` fail the delivery
        without retry; `410 Gone` turns the webhook off. A webhook whose deliveries fail for 3 days without one success
        is turned off (`deactivation_reason`, `failing_since`) and the organization's owners and admins are emailed.
        Deliveries are logged for 30 days (`Webhooks_ListDeliveries`) and may be sent again (`Webhooks_Redeliver`).
        """;
}
