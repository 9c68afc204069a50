using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Application.Common.Concurrency;
using Crm.Domain.Common;

namespace Crm.Application.Companies.Common;

public class CompanyDto : ICreationOrdered, IVersionedResource
{
    public required Guid Id { get; init; }

    public required Guid OwnerId { get; init; }

    public required string Name { get; init; }

    /// <summary>Normalised: lower case, without scheme, <c>www.</c>, port or path.</summary>
    public required string? Domain { get; init; }

    public required string? Industry { get; init; }

    public required int? EmployeeCount { get; init; }

    public required string? Website { get; init; }

    public required string? Phone { get; init; }

    /// <summary>Always an object: a company without an address has every line null.</summary>
    public required CompanyAddressDto Address { get; init; }

    /// <summary>The record's tags, each in the first spelling it was given, in the order given; empty when none.</summary>
    public required string[] Tags { get; init; }

    /// <summary>The record's custom field values by key, each typed as its field's type says (GET /api/v1/custom-fields lists the keys); empty when none.</summary>
    public required Dictionary<string, JsonElement> CustomFields { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>The record's version, sent as the ETag header rather than in the body.</summary>
    [JsonIgnore]
    public uint Version { get; set; }
}
