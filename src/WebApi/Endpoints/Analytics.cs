using Crm.Application.Analytics.Reports;
using Crm.Application.Analytics.Queries.DealForecast;
using Crm.Application.Analytics.Queries.DealFunnel;
using Crm.Application.Analytics.Queries.DealSummary;
using Crm.Application.Analytics.Queries.DealTrend;
using Crm.Application.Analytics.Queries.DealVelocity;
using Crm.Application.Analytics.Queries.OwnerPerformance;
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
        group.MapGet("/deals/trend", Trend).WithName("Analytics_DealTrend")
            .WithSummary("Deals created, won and lost per day, week or month of the organization's calendar, with amounts per currency")
            .WithDescription("interval=day|week|month (default day); from and to are calendar days in the organization's time zone, " +
                "both included (to defaults to today, from to 30 days, 12 weeks or 12 months back). Weeks start on Monday. At most " +
                $"{TrendBuckets.MaxDays} day, {TrendBuckets.MaxWeeks} week or {TrendBuckets.MaxMonths} month buckets; from after to, " +
                "or more buckets, is 400 validation_failed. A deal counts as won or lost in the bucket of its last move to that status.");
        group.MapGet("/deals/forecast", Forecast).WithName("Analytics_DealForecast")
            .WithSummary("Open deals' amounts per currency by expected close month, as they are and weighted by stage probability")
            .WithDescription($"months={ReportBounds.MinMonths}..{ReportBounds.MaxMonths} (default {ReportBounds.DefaultMonths}) from " +
                "this month in the organization's time zone; overdue holds open deals expected before this month, undated those " +
                "without an expected_close_date. The weights are the organization's stage_probabilities.");
        group.MapGet("/deals/velocity", Velocity).WithName("Analytics_DealVelocity")
            .WithSummary("Win rate, days from creation to won, and days spent in each stage, over the last days")
            .WithDescription($"days={ReportBounds.MinDays}..{ReportBounds.MaxDays} (default {ReportBounds.DefaultDays}). " +
                "win_rate and the averages are null when there is nothing to average.");
        group.MapGet("/owners", Owners).WithName("Analytics_Owners")
            .WithSummary("Per owner: open deals, deals won and lost, win rate, activities logged and tasks overdue")
            .WithDescription($"days={ReportBounds.MinDays}..{ReportBounds.MaxDays} (default {ReportBounds.DefaultDays}) bounds " +
                "the won, lost and logged figures; open deals and overdue tasks are as of now.");
    }

    private static async Task<Ok<DealSummaryDto>> Summary(IMediator mediator, CancellationToken ct, [FromQuery] int? days) =>
        TypedResults.Ok(await mediator.Send(new DealSummaryQuery(days ?? 30), ct));

    private static async Task<Ok<DealFunnelDto>> Funnel(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new DealFunnelQuery(), ct));

    private static async Task<Ok<DealTrendDto>> Trend(
        IMediator mediator, CancellationToken ct, [FromQuery] string? interval, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to) =>
        TypedResults.Ok(await mediator.Send(
            new DealTrendQuery(QueryValues.Enum("interval", interval, TrendInterval.Day), from, to), ct));

    private static async Task<Ok<DealForecastDto>> Forecast(IMediator mediator, CancellationToken ct, [FromQuery] int? months) =>
        TypedResults.Ok(await mediator.Send(new DealForecastQuery(months ?? ReportBounds.DefaultMonths), ct));

    private static async Task<Ok<DealVelocityDto>> Velocity(IMediator mediator, CancellationToken ct, [FromQuery] int? days) =>
        TypedResults.Ok(await mediator.Send(new DealVelocityQuery(days ?? ReportBounds.DefaultDays), ct));

    private static async Task<Ok<OwnerPerformanceDto>> Owners(IMediator mediator, CancellationToken ct, [FromQuery] int? days) =>
        TypedResults.Ok(await mediator.Send(new OwnerPerformanceQuery(days ?? ReportBounds.DefaultDays), ct));
}
