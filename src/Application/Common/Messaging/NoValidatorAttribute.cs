namespace Crm.Application.Common.Messaging;

/// <summary>Says why a command has no validator: every other command has one (an architecture test checks it).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoValidatorAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
