namespace Crm.Application.Common.Auditing;

/// <summary>
/// The action a command is recorded under in the audit trail (<c>update_deal</c>). Declared on the command, never
/// derived from its name, so that renaming a type cannot change stored data.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditActionAttribute(string action) : Attribute
{
    public string Action { get; } = action;
}
