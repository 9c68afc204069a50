using Crm.Domain.Errors;

namespace Crm.Domain.Common;

/// <summary>A named rule that an entity checks before it changes.</summary>
public interface IBusinessRule
{
    /// <summary>The catalog entry a broken rule is answered with.</summary>
    Error Error { get; }

    /// <summary>What broke, for people; the entry's title unless the occurrence says more.</summary>
    string Message => Error.Title;

    bool IsBroken();
}
