using System.Linq.Expressions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Companies;
using Crm.Infrastructure.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Data;

/// <summary>
/// Substring search on the generated <c>search_text</c> column (name and domain, lower-cased and unaccented),
/// which a trigram GIN index serves.
/// </summary>
internal sealed class CompanySearch : ICompanySearch
{
    public Expression<Func<Company, bool>> Matching(string text)
    {
        var pattern = "%" + EscapeLike(text.ToLowerInvariant()) + "%";
        return c => EF.Functions.Like(
            EF.Property<string>(c, CompanyConfiguration.SearchText), CrmDbFunctions.Unaccent(pattern));
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
