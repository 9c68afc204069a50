namespace Crm.Application.Companies.Common;

public static class CompanyLimits
{
    /// <summary>
    /// The most contacts and deals that deleting a company with <c>detach=true</c> clears in its one transaction, so
    /// that one request's work (and the webhook events it raises) stays bounded.
    /// </summary>
    public const int DetachMax = 1000;
}
