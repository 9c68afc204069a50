using Crm.Application.Common.Batches;
using FluentValidation;

namespace Crm.Application.Deals.Commands.UpsertDeals;

/// <summary>The batch's shape only: each item is validated by the command it becomes, so that it fails alone.</summary>
public sealed class UpsertDealsValidator : AbstractValidator<UpsertDealsBatch>
{
    public UpsertDealsValidator()
    {
        RuleFor(b => b.Items).NotNull();
        RuleFor(b => b.Items.Count).InclusiveBetween(1, BatchLimits.MaxItems).When(b => b.Items is not null)
            .OverridePropertyName("Items").WithMessage($"must hold 1 to {BatchLimits.MaxItems} items");
        RuleForEach(b => b.Items).NotNull();
        RuleFor(b => b.MatchOn).IsInEnum();
    }
}
