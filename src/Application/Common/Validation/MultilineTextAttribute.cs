namespace Crm.Application.Common.Validation;

/// <summary>
/// Marks a text field that may span lines (a comment, a description): it may hold tab, line feed and carriage
/// return, which every other text field refuses.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultilineTextAttribute : Attribute
{
}
