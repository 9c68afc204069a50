namespace Crm.Application.Activities.Queries.ListFeed;

/// <summary>The feed's <c>mentions</c> filter: <c>me</c>, the entries that mention the caller.</summary>
public enum FeedMentions
{
    Me,
}
