using Crm.Application.Common.ExternalIds;
using Crm.Application.Common.Tags;
using Crm.Application.Contacts.Common;
using FluentValidation;

namespace Crm.Application.Contacts.Commands.UpdateContact;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator()
    {
        RuleFor(c => c.Name.Value).ContactName().When(c => c.Name.IsSet).OverridePropertyName("Name");
        RuleFor(c => c.Email.Value).ContactEmail().When(c => c.Email.IsSet).OverridePropertyName("Email");
        RuleFor(c => c.Phone.Value).ContactPhone().When(c => c.Phone.IsSet).OverridePropertyName("Phone");
        RuleFor(c => c.ExternalId.Value).ExternalId().When(c => c.ExternalId.IsSet).OverridePropertyName("ExternalId");
        RuleFor(c => c.Tags).RecordTagList();
    }
}
