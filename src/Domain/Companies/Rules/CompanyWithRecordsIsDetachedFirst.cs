using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Companies.Rules;

/// <summary>A company that contacts or deals refer to is deleted only when they are detached from it with it.</summary>
public sealed record CompanyWithRecordsIsDetachedFirst(int LinkedRecords, bool Detach) : IBusinessRule
{
    public Error Error => ErrorCatalog.CompanyHasRecords;

    public bool IsBroken() => LinkedRecords > 0 && !Detach;
}
