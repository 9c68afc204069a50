namespace Crm.Domain.Users;

/// <summary>What presenting a two-factor code or recovery code came to.</summary>
public enum SecondFactorOutcome
{
    Accepted,
    WrongCode,
    Replayed,
    NotEnabled,
}
