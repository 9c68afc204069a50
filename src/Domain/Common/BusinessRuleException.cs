namespace Crm.Domain.Common;

/// <summary>Thrown when an entity refuses a change; carries the broken rule's stable code.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(string code, string message, DomainErrorKind kind)
        : base(message)
    {
        Code = code;
        Kind = kind;
    }

    public BusinessRuleException(IBusinessRule rule)
        : this(rule.Code, rule.Message, rule.Kind)
    {
        RuleName = rule.GetType().Name;
    }

    public string Code { get; }

    public DomainErrorKind Kind { get; }

    public string? RuleName { get; }
}
