using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;
using Crm.Infrastructure.Concurrency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.WebApi.Http;

/// <summary>
/// Conditional requests (RFC 9110 §8.8.3, §13): a record's strong ETag is its row version, encrypted
/// (<see cref="EntityTagCipher"/>) and quoted; If-Match compares
/// strongly (a weak tag never matches), If-None-Match weakly. A malformed header is refused, never ignored: a client
/// that believes it is protected by a condition must not be silently unprotected. An empty header is no condition.
/// </summary>
public static class EntityTags
{
    public const string IfMatchHeader = "If-Match";
    public const string IfNoneMatchHeader = "If-None-Match";

    public static string Of(EntityTagCipher cipher, IVersionedResource record) => $"\"{cipher.Tag(record.Id, record.Version)}\"";

    /// <summary>The versions of record <paramref name="id"/> an If-Match header allows a write to; null when it has none.</summary>
    public static VersionCondition? IfMatch(string? header, EntityTagCipher cipher, Guid id) =>
        Parse(header, IfMatchHeader, tag => cipher.Version(id, tag), weakMatches: false);

    /// <summary>The versions of record <paramref name="id"/> an If-None-Match header says the client has; null when it has none.</summary>
    public static VersionCondition? IfNoneMatch(string? header, EntityTagCipher cipher, Guid id) =>
        Parse(header, IfNoneMatchHeader, tag => cipher.Version(id, tag), weakMatches: true);

    /// <summary>A record just created: 201 with its address and ETag.</summary>
    public static Created<T> Created<T>(HttpResponse response, EntityTagCipher cipher, string location, T record)
        where T : IVersionedResource
    {
        response.Headers.ETag = Of(cipher, record);
        return TypedResults.Created(location, record);
    }

    /// <summary>A record read or changed: 200 with its ETag.</summary>
    public static Ok<T> Ok<T>(HttpResponse response, EntityTagCipher cipher, T record)
        where T : IVersionedResource
    {
        response.Headers.ETag = Of(cipher, record);
        return TypedResults.Ok(record);
    }

    /// <summary>A record read: 304 without a body when the client has this version already, else 200.</summary>
    public static Results<Ok<T>, NotModified> Read<T>(HttpResponse response, EntityTagCipher cipher, T record, VersionCondition? ifNoneMatch)
        where T : IVersionedResource
    {
        if (ifNoneMatch?.Matches(record.Version) == true)
        {
            response.Headers.ETag = Of(cipher, record);
            return new NotModified();
        }

        return Ok(response, cipher, record);
    }

    private static VersionCondition? Parse(string? header, string name, Func<string, uint?> versionOf, bool weakMatches)
    {
        // An empty field is no condition: generated clients send one for a header left out.
        var value = header?.Trim(' ', '\t');
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value == "*")
        {
            return VersionCondition.Any;
        }

        var versions = new List<uint>();
        var tags = 0;
        var i = 0;
        while (i < value.Length)
        {
            // A list element, between commas; empty elements are allowed (RFC 9110 §5.6.1).
            SkipSpaces(value, ref i);
            if (i < value.Length && value[i] == ',')
            {
                i++;
                continue;
            }

            var weak = false;
            if (i + 1 < value.Length && value[i] == 'W' && value[i + 1] == '/')
            {
                weak = true;
                i += 2;
            }

            if (i >= value.Length || value[i] != '"')
            {
                throw Malformed(name);
            }

            var start = ++i;
            while (i < value.Length && value[i] != '"')
            {
                // etagc: %x21 / %x23-7E / obs-text
                if (value[i] < 0x21 || value[i] == 0x7F || value[i] > 0xFF)
                {
                    throw Malformed(name);
                }

                i++;
            }

            if (i >= value.Length)
            {
                throw Malformed(name);
            }

            var opaque = value[start..i];
            i++;
            tags++;
            if ((!weak || weakMatches) && versionOf(opaque) is { } version)
            {
                versions.Add(version);
            }

            SkipSpaces(value, ref i);
            if (i < value.Length && value[i] != ',')
            {
                throw Malformed(name);
            }
        }

        return tags == 0 ? throw Malformed(name) : VersionCondition.OneOf([.. versions]);
    }

    private static void SkipSpaces(string value, ref int i)
    {
        while (i < value.Length && value[i] is ' ' or '\t')
        {
            i++;
        }
    }

    private static InvalidInputException Malformed(string name) =>
        new(ErrorCatalog.InvalidEntityTag, $"The {name} header is not * or a list of quoted entity tags.");
}
