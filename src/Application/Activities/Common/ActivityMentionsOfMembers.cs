using Crm.Application.Common.Interfaces;
using Crm.Domain.Activities;
using Crm.Domain.Organizations;

namespace Crm.Application.Activities.Common;

public static class ActivityMentionsOfMembers
{
    /// <summary>
    /// The users a body mentions who are members of the organization; a mention of anyone else stays plain text.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> MentionedMembersAsync(
        this IReadStore store, Guid organizationId, ActivityType type, string? body, CancellationToken cancellationToken)
    {
        var mentioned = ActivityLimits.MayMention(type) ? ActivityMentions.Parse(body) : [];
        if (mentioned.Count == 0)
        {
            return [];
        }

        var members = await store.ToListAsync(
            store.Query<Membership>().Where(m => m.OrganizationId == organizationId && mentioned.Contains(m.UserId)).Select(m => m.UserId),
            cancellationToken);
        return [.. mentioned.Where(members.Contains)];
    }
}
