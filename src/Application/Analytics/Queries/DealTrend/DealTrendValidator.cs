using Crm.Application.Analytics.Reports;
using FluentValidation;

namespace Crm.Application.Analytics.Queries.DealTrend;

/// <summary>The range, when both ends are given; a range with a default end is checked once the day is known.</summary>
public sealed class DealTrendValidator : AbstractValidator<DealTrendQuery>
{
    public DealTrendValidator()
    {
        RuleFor(q => q.Interval).IsInEnum();
        RuleFor(q => q.From).Custom((from, context) =>
        {
            var query = context.InstanceToValidate;
            if (from is { } start && query.To is { } end && TrendBuckets.Problem(start, end, query.Interval) is { } problem)
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });
    }
}
