using Crm.Application.Exports.Common;
using Crm.Domain.ApiKeys;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// Looks names up in the export's own scope (so through the tenancy filter), one query per kind and page for the ids
/// not seen yet. What it remembers is bounded: past <see cref="MaxRemembered"/> names of a kind it starts again.
/// </summary>
internal sealed class ExportNames(CrmDbContext db) : IExportNames
{
    public const int MaxRemembered = 50_000;

    private readonly Dictionary<ExportRelated, Dictionary<Guid, string?>> _names = [];

    public async Task LoadAsync(ExportRelated kind, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        if (!_names.TryGetValue(kind, out var known) || known.Count > MaxRemembered)
        {
            _names[kind] = known = [];
        }

        var missing = ids.Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = kind switch
        {
            ExportRelated.Member => await MembersAsync(missing, cancellationToken),
            ExportRelated.Contact => await db.Set<Contact>().AsNoTracking().Where(c => missing.Contains(c.Id))
                .Select(c => new KeyValuePair<Guid, string?>(c.Id, c.Name)).ToListAsync(cancellationToken),
            ExportRelated.Company => await db.Set<Company>().AsNoTracking().Where(c => missing.Contains(c.Id))
                .Select(c => new KeyValuePair<Guid, string?>(c.Id, c.Name)).ToListAsync(cancellationToken),
            _ => await db.Set<Deal>().AsNoTracking().Where(d => missing.Contains(d.Id))
                .Select(d => new KeyValuePair<Guid, string?>(d.Id, d.Title)).ToListAsync(cancellationToken),
        };
        foreach (var id in missing)
        {
            known[id] = null;
        }

        foreach (var (id, name) in found)
        {
            known[id] = name;
        }
    }

    public string? NameOf(ExportRelated kind, Guid id) =>
        _names.TryGetValue(kind, out var known) ? known.GetValueOrDefault(id) : null;

    /// <summary>A person's email, or an API key's name (keys own and are assigned records too).</summary>
    private async Task<List<KeyValuePair<Guid, string?>>> MembersAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var people = await db.Set<User>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new KeyValuePair<Guid, string?>(u.Id, u.Email)).ToListAsync(cancellationToken);
        var keys = await db.Set<ApiKey>().AsNoTracking().Where(k => ids.Contains(k.Id))
            .Select(k => new KeyValuePair<Guid, string?>(k.Id, k.Name)).ToListAsync(cancellationToken);
        return [.. people, .. keys];
    }
}
