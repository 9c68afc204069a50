using Crm.Application.Common.Models;
using Crm.Application.Tags.Queries.ListTags;
using Crm.WebApi.Http;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Tags
{
    public static void MapTagEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tags", List).WithTags("Tags").WithName("Tags_List")
            .WithSummary("The organization's tags with the number of records carrying each, most used first")
            .WithDescription("Tags compare without regard to case; each is named by the spelling most records use. With record_type, the counts are of that type; without it, of contacts, companies and deals together.")
            .RequireAuthorization().RequireOrganizationHeader();
    }

    private static async Task<Ok<PagedList<TagDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        [FromQuery(Name = "record_type")] string? recordType,
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize) =>
        TypedResults.Ok(await mediator.Send(
            new ListTagsQuery(
                page ?? 1,
                pageSize ?? Paging.DefaultPageSize,
                QueryValues.Enum<TagRecordType>("record_type", recordType)),
            ct));
}
