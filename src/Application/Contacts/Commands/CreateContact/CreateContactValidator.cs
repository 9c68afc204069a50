using Crm.Application.Common.ExternalIds;
using Crm.Application.Common.Tags;
using Crm.Application.Contacts.Common;
using FluentValidation;

namespace Crm.Application.Contacts.Commands.CreateContact;

public sealed class CreateContactValidator : AbstractValidator<CreateContactCommand>
{
    public CreateContactValidator()
    {
        RuleFor(c => c.Name).ContactName();
        RuleFor(c => c.Email).ContactEmail();
        RuleFor(c => c.Phone).ContactPhone();
        RuleFor(c => c.ExternalId).ExternalId();
        RuleFor(c => c.Tags).RecordTagList();
    }
}
