using Crm.Application.Common.Batches;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Errors;
using Crm.Domain.Records;
using MediatR;

namespace Crm.Application.Contacts.Commands.UpsertContacts;

/// <summary>
/// Creates each item, or updates the contact it matches on <see cref="MatchOn"/>, through the same command (rules,
/// ownership, timeline, audit) as a single request, each in its own transaction.
/// </summary>
public sealed record UpsertContactsBatch(IReadOnlyList<ContactBatchItem> Items, ContactMatch? MatchOn = null)
    : IBatch<BatchResult>, IOrganizationScoped;

public sealed class UpsertContactsBatchHandler(IMediator sender, IReadStore store, IRequestContext context, IUnitOfWork unitOfWork)
    : IRequestHandler<UpsertContactsBatch, BatchResult>
{
    public async Task<BatchResult> Handle(UpsertContactsBatch request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        return await unitOfWork.ExecuteBatchAsync(
            async ct =>
            {
                var matches = await MatchesAsync(organizationId, request, ct);
                var results = new List<BatchItemResult>(request.Items.Count);
                for (var index = 0; index < request.Items.Count; index++)
                {
                    results.Add(await UpsertAsync(organizationId, index, request.Items[index], request.MatchOn, matches, ct));
                }

                return BatchResult.Of(results);
            },
            cancellationToken);
    }

    /// <summary>
    /// The contacts the items match, read in one query before the first item. An item whose key an earlier item of the
    /// batch wrote is looked up again, as the earlier item left it.
    /// </summary>
    private async Task<BatchMatches> MatchesAsync(Guid organizationId, UpsertContactsBatch request, CancellationToken ct)
    {
        if (request.MatchOn is not { } match)
        {
            return new BatchMatches(new Dictionary<string, Contact>(StringComparer.Ordinal));
        }

        var keys = request.Items.Select(i => KeyOf(i, match)).OfType<string>().Select(k => Lookup(match, k)).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var found = keys.Count == 0
            ? []
            : await store.ToListAsync(store.Query(new ContactMatchesSpecification(organizationId, match, keys)), ct);
        return new BatchMatches(found.ToDictionary(c => Lookup(match, match == ContactMatch.Email ? c.Email! : c.ExternalId!)!, StringComparer.Ordinal));
    }

    private async Task<BatchItemResult> UpsertAsync(
        Guid organizationId, int index, ContactBatchItem item, ContactMatch? match, BatchMatches matches, CancellationToken ct)
    {
        Contact? existing = null;
        try
        {
            var key = match is null ? null : KeyOf(item, match.Value);
            if (match is not null && key is null)
            {
                return BatchItemResult.Failed(index, ErrorCatalog.BatchMatchKeyMissing, $"match_on is {Wire(match.Value)}; this item has none.");
            }

            var lookup = key is null ? null : Lookup(match!.Value, key);
            existing = lookup is null ? null
                : matches.Written.Contains(lookup) ? await FindAsync(organizationId, match!.Value, key!, ct)
                : matches.Found.GetValueOrDefault(lookup);
            if (lookup is not null)
            {
                matches.Written.Add(lookup);
            }

            if (existing is null)
            {
                try
                {
                    var created = await sender.Send(
                        new CreateContactCommand(item.Name.Value, item.Email.Value, item.Phone.Value, item.OwnerId.IsSet ? item.OwnerId.Value : null, item.ExternalId.Value, item.CompanyId.Value, item.Tags.Value, item.CustomFields.Value),
                        ct);
                    return BatchItemResult.Created(index, created.Id);
                }
                catch (ConflictException conflict) when (key is not null && IsMatchKeyConflict(conflict, match!.Value))
                {
                    // Another request created the match meanwhile: this item updates it, as if it had been there.
                    existing = await FindAsync(organizationId, match.Value, key, ct);
                    if (existing is null)
                    {
                        throw;
                    }
                }
            }

            if (IsUnchanged(existing, item))
            {
                return BatchItemResult.Unchanged(index, existing.Id);
            }

            await sender.Send(new UpdateContactCommand(existing.Id, item.Name, item.Email, item.Phone, item.OwnerId, item.ExternalId, item.CompanyId, item.Tags, item.CustomFields), ct);
            return BatchItemResult.Updated(index, existing.Id);
        }
        catch (Exception e) when (BatchItemResult.FromException(index, e, existing?.Id) is { } failed)
        {
            return failed;
        }
    }

    private Task<Contact?> FindAsync(Guid organizationId, ContactMatch match, string key, CancellationToken ct) =>
        store.FirstOrDefaultAsync(store.Query(new ContactMatchesSpecification(organizationId, match, [Lookup(match, key)!])), ct);

    /// <summary>A key as the database compares it: an email in its normalized form, an external id as it is.</summary>
    private static string? Lookup(ContactMatch match, string key) => match == ContactMatch.Email ? Contact.NormalizeEmail(key) : key;

    private static string? KeyOf(ContactBatchItem item, ContactMatch match) => match == ContactMatch.Email
        ? (string.IsNullOrWhiteSpace(item.Email.Value) ? null : item.Email.Value)
        : item.ExternalId.Value;

    private static bool IsMatchKeyConflict(ConflictException conflict, ContactMatch match) =>
        conflict.Error == (match == ContactMatch.Email ? ErrorCatalog.ContactEmailTaken : ErrorCatalog.ExternalIdTaken);

    /// <summary>Whether every field the item sends already has that value, as the contact would store it.</summary>
    private static bool IsUnchanged(Contact contact, ContactBatchItem item) =>
        (!item.Name.IsSet || item.Name.Value?.Trim() == contact.Name)
        && (!item.Email.IsSet || Blank(item.Email.Value) == contact.Email)
        && (!item.Phone.IsSet || Blank(item.Phone.Value) == contact.Phone)
        && (!item.OwnerId.IsSet || item.OwnerId.Value == contact.OwnerId)
        && (!item.ExternalId.IsSet || item.ExternalId.Value == contact.ExternalId)
        && (!item.CompanyId.IsSet || item.CompanyId.Value == contact.CompanyId)
        && (!item.Tags.IsSet || RecordTags.WouldKeep(item.Tags.Value, contact.Tags))
        && (!item.CustomFields.IsSet || CustomFieldJson.WouldKeep(item.CustomFields.Value, contact.CustomFields));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Wire(ContactMatch match) => match == ContactMatch.Email ? "email" : "external_id";
}

