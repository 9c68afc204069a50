using Crm.Application.Changes.Common;
using Crm.Application.Changes.Queries.ListChanges;
using Crm.Domain.Changes;
using Crm.Domain.Errors;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Changes
{
    public static void MapChangeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/changes", List).WithTags("Changes").WithName("Changes_List")
            .WithSummary("The organization's changes of contacts, deals, tasks and companies, oldest first, after a cursor")
            .WithDescription(
                "Each item is one creation, update or deletion (`sequence`, `type`, `id`, `action`, `changed_at`) with `data`, the record as it is now " +
                "(as its single GET shows it; null once it is deleted). Without `cursor` the feed starts at the oldest change kept (30 days by default). " +
                "`next_cursor` is always given, also on an empty page, where it is the cursor sent: pass it back as `cursor` to read on, " +
                "and keep polling with it to follow the feed's tail. A client that follows `next_cursor` sees every committed change exactly once, " +
                "in the order of the transactions that made them, even when transactions commit out of order; a change shows once its transaction " +
                "and every transaction that started before it have finished. A cursor belongs to its organization, caller and `types`; another one is " +
                "`400 invalid_cursor`. A cursor older than the retention, with changes it has not read already deleted, is `410 cursor_expired`: read " +
                "the records again (the lists take `updated_since`), then follow the feed from its start.")
            .ProducesProblems(ErrorCatalog.InvalidCursor, ErrorCatalog.CursorExpired)
            .RequireAuthorization().RequireOrganizationHeader();
    }

    private static async Task<Ok<ChangePage>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] string? cursor,
        [FromQuery] string? types,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(
            new ListChangesQuery(
                cursor,
                QueryValues.Enums<ChangedRecordType>("types", types?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                pageSize ?? ListChangesQuery.DefaultPageSize),
            ct));
}
