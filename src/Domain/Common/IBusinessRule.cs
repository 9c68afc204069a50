namespace Crm.Domain.Common;

/// <summary>A named rule that an entity checks before it changes.</summary>
public interface IBusinessRule
{
    /// <summary>Stable, snake_case code for clients.</summary>
    string Code { get; }

    string Message { get; }

    DomainErrorKind Kind { get; }

    bool IsBroken();
}
