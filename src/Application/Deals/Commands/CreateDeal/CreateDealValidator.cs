using Crm.Application.Common.ExternalIds;
using Crm.Application.Common.Tags;
using Crm.Application.Deals.Common;
using Crm.Application.Organizations.Common;
using FluentValidation;

namespace Crm.Application.Deals.Commands.CreateDeal;

public sealed class CreateDealValidator : AbstractValidator<CreateDealCommand>
{
    public CreateDealValidator()
    {
        RuleFor(c => c.ContactId).NotEmpty();
        RuleFor(c => c.Title).DealTitle();
        RuleFor(c => c.Amount!.Value).DealAmount().When(c => c.Amount is not null).OverridePropertyName("Amount");
        RuleFor(c => c.Currency).CurrencyCode().When(c => c.Currency is not null);
        RuleFor(c => c.Stage).IsInEnum();
        RuleFor(c => c.ExternalId).ExternalId();
        RuleFor(c => c.Tags).RecordTagList();
    }
}
