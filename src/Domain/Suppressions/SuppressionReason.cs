namespace Crm.Domain.Suppressions;

/// <summary>Why an address is on the suppression list.</summary>
public enum SuppressionReason
{
    /// <summary>Its contact was erased at the person's request.</summary>
    Erasure,
}
