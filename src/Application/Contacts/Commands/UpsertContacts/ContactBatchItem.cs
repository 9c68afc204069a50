using System.Text.Json;
using Crm.Domain.Common;

namespace Crm.Application.Contacts.Commands.UpsertContacts;

/// <summary>One contact of a batch: created with these fields, or, when it matches one, the fields sent change it.</summary>
public sealed record ContactBatchItem(
    Optional<string> Name,
    Optional<string?> Email,
    Optional<string?> Phone,
    Optional<Guid> OwnerId,
    Optional<string?> ExternalId,
    Optional<Guid?> CompanyId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<IReadOnlyDictionary<string, JsonElement>?> CustomFields = default);
