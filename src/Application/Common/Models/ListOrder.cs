namespace Crm.Application.Common.Models;

/// <summary>The direction of a list's <c>order</c> parameter.</summary>
public enum SortOrder
{
    Asc,
    Desc,
}
