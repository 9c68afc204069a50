using Crm.Application.Common.Models;
using Crm.Application.Search.Queries.SearchRecords;
using Crm.WebApi.Http;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Search
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", Find).WithTags("Search").WithName("Search_Find")
            .WithSummary("Search the organization's contacts, companies, deals, tasks and comments")
            .WithDescription("Words match as prefixes, ignoring case and accents; names and titles rank above emails and bodies. When the words match nothing, similar spellings are offered. Each snippet is HTML-escaped text in which the only markup is <mark>…</mark> around the matched words; titles are plain text.")
            .RequireAuthorization().RequireOrganizationHeader();
    }

    private static async Task<Ok<SearchResults>> Find(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery] string? q,
        [FromQuery] string? types,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(
            new SearchRecordsQuery(
                q ?? string.Empty,
                QueryValues.Enums<SearchType>("types", types?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize),
            ct));
}
