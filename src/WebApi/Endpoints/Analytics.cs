using Crm.Application.Analytics.Queries.DealFunnel;
using Crm.Application.Analytics.Queries.DealSummary;
using Crm.WebApi.Http;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Crm.WebApi.Endpoints;

public static class Analytics
{
    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization().RequireOrganizationHeader();
        group.MapGet("/deals/summary", Summary).WithName("Analytics_DealSummary")
            .WithSummary("Deal counts and amounts by status and currency, and deals created recently");
        group.MapGet("/deals/funnel", Funnel).WithName("Analytics_DealFunnel")
            .WithSummary("Deals per stage, how many reached each stage, and the conversion between stages");
    }

    private static async Task<Ok<DealSummaryDto>> Summary(IMediator mediator, CancellationToken ct, [FromQuery] int? days) =>
        TypedResults.Ok(await mediator.Send(new DealSummaryQuery(days ?? 30), ct));

    private static async Task<Ok<DealFunnelDto>> Funnel(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DealFunnelQuery(), ct));
}
