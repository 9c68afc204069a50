using Crm.Application.Common.ExternalIds;
using Crm.Application.Common.Tags;
using Crm.Application.Deals.Common;
using Crm.Application.Organizations.Common;
using FluentValidation;

namespace Crm.Application.Deals.Commands.UpdateDeal;

public sealed class UpdateDealValidator : AbstractValidator<UpdateDealCommand>
{
    public UpdateDealValidator()
    {
        RuleFor(c => c.Title.Value).DealTitle().When(c => c.Title.IsSet).OverridePropertyName("Title");
        RuleFor(c => c.Amount.Value).DealAmount().When(c => c.Amount.IsSet).OverridePropertyName("Amount");
        RuleFor(c => c.Currency.Value).CurrencyCode().When(c => c.Currency.IsSet).OverridePropertyName("Currency");
        RuleFor(c => c.Status.Value).IsInEnum().When(c => c.Status.IsSet).OverridePropertyName("Status");
        RuleFor(c => c.Stage.Value).IsInEnum().When(c => c.Stage.IsSet).OverridePropertyName("Stage");
        RuleFor(c => c.ContactId.Value).NotEmpty().When(c => c.ContactId.IsSet).OverridePropertyName("ContactId");
        RuleFor(c => c.OwnerId.Value).NotEmpty().When(c => c.OwnerId.IsSet).OverridePropertyName("OwnerId");
        RuleFor(c => c.ExternalId.Value).ExternalId().When(c => c.ExternalId.IsSet).OverridePropertyName("ExternalId");
        RuleFor(c => c.Tags).RecordTagList();
    }
}
