using Crm.Domain.Contacts;

namespace Crm.Application.Common.Interfaces;

/// <summary>Case- and accent-insensitive substring search over contacts' names and emails, served by an index.</summary>
public interface IContactSearch
{
    IQueryable<Contact> Matching(IQueryable<Contact> contacts, string text);
}
