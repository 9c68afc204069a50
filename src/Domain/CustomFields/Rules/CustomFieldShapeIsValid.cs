using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.CustomFields.Rules;

/// <summary>A definition's label, options, currency and position obey <see cref="CustomFieldShape.Refusal"/>.</summary>
public sealed record CustomFieldShapeIsValid(CustomFieldShape Shape) : IBusinessRule
{
    public Error Error => ErrorCatalog.ValidationFailed;

    public string Message => Shape.Refusal() ?? Error.Title;

    public bool IsBroken() => Shape.Refusal() is not null;
}
