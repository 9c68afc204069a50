using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Records.Rules;

/// <summary>A record's tags obey <see cref="RecordTags"/> (validators say which tag; this guards the record itself).</summary>
public sealed record TagsAreValid(IReadOnlyCollection<string>? Tags) : IBusinessRule
{
    public Error Error => ErrorCatalog.ValidationFailed;

    public bool IsBroken() => !RecordTags.AreValid(Tags);
}
