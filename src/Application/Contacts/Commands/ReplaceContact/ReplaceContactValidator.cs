using Crm.Application.Common.ExternalIds;
using Crm.Application.Common.Tags;
using Crm.Application.Contacts.Common;
using FluentValidation;

namespace Crm.Application.Contacts.Commands.ReplaceContact;

public sealed class ReplaceContactValidator : AbstractValidator<ReplaceContactCommand>
{
    public ReplaceContactValidator()
    {
        RuleFor(c => c.Name).ContactName();
        RuleFor(c => c.Email).ContactEmail();
        RuleFor(c => c.Phone).ContactPhone();
        RuleFor(c => c.ExternalId).ExternalId();
        RuleFor(c => c.Tags).RecordTagList();
        RuleFor(c => c.OwnerId).NotNull().WithMessage("must be sent: a replacement names the owner (send the current one to keep it)");
    }
}
