namespace Crm.Infrastructure.Operations;

/// <summary>One organization as the operator's <c>organizations show</c> prints it: what it is and how much it holds.</summary>
public sealed record OrganizationDetails(
    OrganizationSummary Summary, IReadOnlyList<string> OwnerEmails, long Contacts, long Companies, long Deals, long ApiKeys);
