using System.Linq.Expressions;
using Crm.Domain.Companies;

namespace Crm.Application.Common.Interfaces;

/// <summary>Case- and accent-insensitive substring search over companies' names and domains, served by an index.</summary>
public interface ICompanySearch
{
    /// <summary>The criterion a company meets when its name or domain contains <paramref name="text"/>.</summary>
    Expression<Func<Company, bool>> Matching(string text);
}
