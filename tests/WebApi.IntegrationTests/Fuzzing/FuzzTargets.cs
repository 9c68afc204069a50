namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>
/// The records requests may name: the fuzzing member's own (so a request reaches past its id checks) and another
/// organization's of the same kind (which must stay out of reach). Kinds: organization, contact, deal, task,
/// attachment, user, invitation, session.
/// </summary>
public sealed record FuzzTargets(
    Guid Organization, IReadOnlyDictionary<string, Guid> Own, IReadOnlyDictionary<string, Guid> Others)
{
    /// <summary>A valid cursor of the contacts list, which every other list must refuse.</summary>
    public string? ContactsCursor { get; init; }

    /// <summary>The kind of record a path parameter names, from its name or the segment before it.</summary>
    public static string KindOfPathParameter(string path, string name)
    {
        switch (name)
        {
            case "deal_id": return "deal";
            case "user_id": return "user";
            case "invitation_id": return "invitation";
            case "contact_id": return "contact";
        }

        var segments = path.Split('/');
        var at = Array.IndexOf(segments, $"{{{name}}}");
        return at > 0 ? KindOfSegment(segments[at - 1]) : "contact";
    }

    /// <summary>The kind of record a body property or query parameter holding an id names.</summary>
    public static string KindOfProperty(string name) => name switch
    {
        "deal_id" => "deal",
        "owner_id" or "user_id" or "actor_id" => "user",
        "task_id" => "task",
        "organization_id" => "organization",
        "invitation_id" => "invitation",
        _ => "contact",
    };

    public Guid OwnOf(string kind) => Own.TryGetValue(kind, out var id) ? id : Own["contact"];

    public Guid OtherOf(string kind) => Others.TryGetValue(kind, out var id) ? id : Others["contact"];

    private static string KindOfSegment(string segment) => segment switch
    {
        "contacts" => "contact",
        "deals" => "deal",
        "tasks" => "task",
        "attachments" => "attachment",
        "organizations" => "organization",
        "members" => "user",
        "invitations" => "invitation",
        "sessions" => "session",
        _ => "contact",
    };
}
