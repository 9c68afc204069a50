using Crm.Domain.Errors;

namespace Crm.Domain.Common;

/// <summary>Thrown when an entity refuses a change; carries the broken rule's catalog entry.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(Error error, string? detail = null)
        : base(detail ?? error.Title)
    {
        Error = error;
        Detail = detail;
    }

    public BusinessRuleException(IBusinessRule rule)
        : this(rule.Error, rule.Message == rule.Error.Title ? null : rule.Message)
    {
        RuleName = rule.GetType().Name;
    }

    public Error Error { get; }

    public string Code => Error.Code;

    public ErrorKind Kind => Error.Kind;

    /// <summary>What is particular to this occurrence, for people; null when the title says it all.</summary>
    public string? Detail { get; }

    public string? RuleName { get; }
}
