using System.Linq.Expressions;
using Crm.Domain.Contacts;

namespace Crm.Application.Common.Interfaces;

/// <summary>Case- and accent-insensitive substring search over contacts' names and emails, served by an index.</summary>
public interface IContactSearch
{
    /// <summary>The criterion a contact meets when its name or email contains <paramref name="text"/>.</summary>
    Expression<Func<Contact, bool>> Matching(string text);
}
