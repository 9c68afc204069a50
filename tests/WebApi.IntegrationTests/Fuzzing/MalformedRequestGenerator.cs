using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>
/// Generates malformed variants of an operation from its OpenAPI description: each variant starts from a valid
/// request (the document's example, its ids replaced by the caller's own records) and breaks one thing: a path id,
/// a query parameter, a header, one body property (wrong type, control characters, lone surrogates, numbers out
/// of range, long strings, other organizations' ids), a missing or extra property, or the JSON itself. A fixed
/// seed picks at most <c>perOperation</c> of them, so a run is repeatable and bounded.
/// </summary>
public sealed class MalformedRequestGenerator(int seed, FuzzTargets targets, int perOperation)
{
    // Stands for a raw JSON literal (an escape or number the serializer would not write) until the text is written.
    private const string Placeholder = "__fuzz_raw_literal__";

    private static readonly string[] ControlStrings =
    [
        @"""a\u0000b""", @"""\u0000""", @"""bell\u0007""", @"""esc\u001b[2J""", @"""del\u007f""", @"""two\nlines\r\n\t""",
        @"""lone \ud800 high""", @"""\udfff""", @"""\ud83d""", @"""\u202eevil.exe""", @"""\ufeffbom""", @"""😀 emoji""",
        @"""""", @"""   """, @"""<script>alert(1)</script>""", @"""' OR 1=1 --""", @"""a:*&|!(""", @"""%00""",
        @"""=HYPERLINK(\""x\"")""", @"""\\\\server\\share""",
    ];

    private static readonly string[] Numbers =
    [
        "1e309", "-1e309", "-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999",
        "1e-400", "0.001", "123456789012345678.12", "1.5", "1E+2", @"""1""", "12345678901234567890123456789012345678901234567890",
    ];

    private static readonly string[] WrongTypes = ["true", "[]", "{}", "null", "12", @"""text""", "[[[[]]]]", @"{""a"":{""b"":1}}"];

    private static readonly string[] Dates =
    [
        @"""2026-02-30""", @"""0001-01-01""", @"""9999-12-31""", @"""-2026-01-01""", @"""2026-01-01T25:00:00Z""", @"""10000-01-01""",
        @"""2026-1-1""", @"""20261201""",
    ];

    private static readonly string[] QueryValues =
    [
        "%00", "a%00b", "a%1Fb", "%07", "%7F", "%ED%A0%80", "%FF%FE", "%C0%80", "-1", "0", "2147483648", "-2147483649",
        "99999999999999999999", "1e309", "NaN", "Infinity", "", "%20", "true", "%5B%5D", "not-a-uuid", "%27%20OR%201%3D1--",
        "a%3A*%26%7C!(", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AEevil", "00000000-0000-0000-0000-000000000000",
        "2026-02-30", "9999-12-31T23:59:59Z", "-0001-01-01", "%25", "_", "%5C", "a%5C", "%25%5C", "%5C%5C%25", "%2A",
    ];

    // No NUL in a path: the server refuses it before the application sees the request.
    private static readonly string[] PathValues =
    [
        "not-a-uuid", "00000000-0000-0000-0000-000000000000", "%ED%A0%80", "-1", "1e309", "0193a5c2", "%20",
        "ffffffff-ffff-ffff-ffff-ffffffffffff", "..%2F..", "%E2%80%AE",
    ];

    private readonly Random _random = new(seed);

    public IReadOnlyList<FuzzRequest> For(OpenApiOperation operation)
    {
        var variants = new List<FuzzRequest>();
        variants.AddRange(PathVariants(operation));
        variants.AddRange(QueryVariants(operation));
        variants.AddRange(HeaderVariants(operation));
        if (operation.BodyContentType == "application/json")
        {
            variants.AddRange(JsonBodyVariants(operation));
        }
        else if (operation.BodyContentType == "multipart/form-data")
        {
            variants.AddRange(MultipartVariants(operation));
        }

        // The first of each kind always goes; the rest are a seeded sample.
        var chosen = variants.DistinctBy(v => v.Variant.Split(':')[0]).ToList();
        var rest = variants.Except(chosen).OrderBy(_ => _random.Next()).ToList();
        return chosen.Concat(rest).Take(Math.Max(perOperation, chosen.Count)).ToList();
    }

    private IEnumerable<FuzzRequest> PathVariants(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var kind = FuzzTargets.KindOfPathParameter(operation.Path, parameter.Name);
            var values = PathValues
                .Append(targets.OtherOf(kind).ToString())
                .Append(Guid.CreateVersion7().ToString())
                .Append(new string('a', 3000))
                .Append(WrongKindOf(kind).ToString())
                .Append(targets.OwnOf(kind).ToString("B").ToUpperInvariant());
            foreach (var value in values)
            {
                yield return Request(operation, $"path:{parameter.Name}={Short(value)}", BuildPath(operation, parameter.Name, value), "", Body(operation));
            }
        }
    }

    private IEnumerable<FuzzRequest> QueryVariants(OpenApiOperation operation)
    {
        var path = BuildPath(operation);
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var values = QueryValues.Append(new string('a', 5000)).Append(targets.OtherOf(FuzzTargets.KindOfProperty(parameter.Name)).ToString());
            foreach (var value in values)
            {
                yield return Request(operation, $"query:{parameter.Name}={Short(value)}", path, $"{parameter.Name}={value}", Body(operation));
            }

            if ((parameter.Schema?["enum"] ?? parameter.Schema?["items"]?["enum"]) is JsonArray { Count: > 0 } members)
            {
                var first = (string?)members[0];
                var last = (string?)members[^1];
                foreach (var value in new[] { first?.ToUpperInvariant(), $"%20{first}", $"{first},{last}", $"{first}%2C%20{last}", "unknown", "1" })
                {
                    yield return Request(operation, $"query-enum:{parameter.Name}={value}", path, $"{parameter.Name}={value}", Body(operation)) with { MustBeRefused = true };
                }
            }

            if (parameter.Name == "cursor" && targets.ContactsCursor is { } cursor && operation.Name != "Contacts_List")
            {
                yield return Request(operation, "query-cursor:another list's", path, $"cursor={Uri.EscapeDataString(cursor)}", Body(operation)) with { MustBeRefused = true };
            }

            var many = string.Join('&', Enumerable.Repeat($"{parameter.Name}=a", 500));
            yield return Request(operation, $"query-repeated:{parameter.Name}x500", path, many, Body(operation));
        }

        if (operation.Parameters.Any(p => p.Name == "page"))
        {
            yield return Request(operation, "paging:beyond int", path, "page=21474838&page_size=100", Body(operation));
            yield return Request(operation, "paging:int max", path, "page=2147483647&page_size=100", Body(operation));
        }

        yield return Request(operation, "query-unknown:zzz", path, "zzz=%00&cursor=%00", Body(operation));
    }

    private IEnumerable<FuzzRequest> HeaderVariants(OpenApiOperation operation)
    {
        var path = BuildPath(operation);
        var body = Body(operation);
        var headers = new List<(string Variant, KeyValuePair<string, string?>[] Headers)>
        {
            ("header-organization:other", [new("X-Organization-Id", targets.Others["organization"].ToString())]),
            ("header-organization:malformed", [new("X-Organization-Id", "not-a-uuid")]),
            ("header-organization:oversized", [new("X-Organization-Id", new string('9', 10_000))]),
            ("header-organization:repeated", [new("X-Organization-Id", targets.Organization.ToString()), new("X-Organization-Id", targets.Others["organization"].ToString())]),
            ("header-organization:missing", [new("X-Organization-Id", null)]),
            ("header-authorization:garbage", [new("Authorization", "Bearer not.a.token")]),
            ("header-authorization:oversized", [new("Authorization", "Bearer " + new string('A', 20_000))]),
            ("header-authorization:basic", [new("Authorization", "Basic Zm9vOmJhcg==")]),
            ("header-authorization:repeated", [new("Authorization", "Bearer a"), new("Authorization", "Bearer b")]),
            ("header-authorization:missing", [new("Authorization", null)]),
            ("header-accept:html", [new("Accept", "text/html")]),
            ("header-accept:xml", [new("Accept", "application/xml;q=1, image/png")]),
            ("header-request-id:control", [new("X-Request-Id", "a\u0001b" + new string('x', 300))]),
            ("header-idempotency:oversized", [new("Idempotency-Key", new string('k', 5000))]),
            ("header-if-match:garbage", [new("If-Match", "\"\u00ff\"")]),
            ("header-if-match:weak", [new("If-Match", "W/\"1\", *, \"" + new string('9', 400) + "\"")]),
            ("header-if-none-match:garbage", [new("If-None-Match", "\u0001, *")]),
            ("header-if-modified-since:garbage", [new("If-Modified-Since", "yesterday")]),
            ("header-range:beyond", [new("Range", "bytes=999999999-")]),
            ("header-range:backwards", [new("Range", "bytes=5-1")]),
            ("header-range:many", [new("Range", "bytes=" + string.Join(',', Enumerable.Range(0, 200).Select(i => $"{i}-{i}")))]),
            ("header-range:garbage", [new("Range", "bytes=abc")]),
            ("header-accept-encoding:garbage", [new("Accept-Encoding", "br;q=2, gzip;q=-1, \u00ff")]),
            ("header-forwarded-for:garbage", [new("X-Forwarded-For", "not an address, 999.1.1.1")]),
        };
        foreach (var (variant, values) in headers)
        {
            yield return Request(operation, variant, path, "", body) with { Headers = values };
        }

        // The same path with another method, or with a segment more: unserved, yet answered as a problem.
        var other = operation.Method == "PUT" ? "TRACE" : "PUT";
        yield return Request(operation, $"route-method:{other}", path, "", body) with { Method = other };
        yield return Request(operation, "route-method:OPTIONS", path, "", null) with { Method = "OPTIONS" };
        yield return Request(operation, "route-extra-segment", $"{path}/zzz", "", body);
        yield return Request(operation, "route-trailing-slash", $"{path}/", "", body);
    }

    private IEnumerable<FuzzRequest> JsonBodyVariants(OpenApiOperation operation)
    {
        var path = BuildPath(operation);
        var valid = ValidBody(operation);
        var schema = operation.BodySchema;

        foreach (var (location, propertySchema) in Properties(schema, []))
        {
            var name = location[^1];
            var label = string.Join('.', location);
            foreach (var literal in LiteralsFor(name, propertySchema))
            {
                var body = valid.DeepClone();
                Parent(body, location, create: true)![name] = Placeholder;
                var text = Serialize(body).Replace($"\"{Placeholder}\"", literal, StringComparison.Ordinal);
                yield return Json(operation, $"body-property:{label}={Short(literal)}", path, text) with
                {
                    MustBeRefused = propertySchema?["enum"] is JsonArray && literal != "null",
                };
            }

            var missing = valid.DeepClone();
            if (Remove(missing, location))
            {
                yield return Json(operation, $"body-missing:{label}", path, Serialize(missing));
            }
        }

        if (valid is JsonObject)
        {
            var extra = valid.DeepClone().AsObject();
            extra["zzz_extra"] = 1;
            yield return Json(operation, "body-extra:zzz_extra", path, Serialize(extra));
            var nulled = valid.DeepClone().AsObject();
            foreach (var name in nulled.Select(p => p.Key).ToList())
            {
                nulled[name] = null;
            }

            yield return Json(operation, "body-all-null", path, Serialize(nulled));
            var duplicate = Serialize(valid);
            if (duplicate.Length > 2)
            {
                yield return Json(operation, "body-duplicate-keys", path, duplicate[..^1] + "," + duplicate[1..]);
            }
        }

        var whole = new[]
        {
            "", " ", "{", "}", "[]", "null", "0", @"""text""", "{\"a\":}", "{,}", "{\"a\":1,}", "{'a':1}", "{/*c*/}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"\\u0000\":1}", "{\"\":1}", "{}",
            new string('[', 5000) + new string(']', 5000),
            new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 300)) + string.Concat(Enumerable.Repeat("}", 301)),
        };
        foreach (var text in whole)
        {
            yield return Json(operation, $"body-malformed:{Short(text)}", path, text);
        }

        yield return Request(operation, "body-invalid-utf8", path, "", [.. Encoding.UTF8.GetBytes("{\"name\":\""), 0xFF, 0xFE, 0xC0, 0x80, .. Encoding.UTF8.GetBytes("\"}")], "application/json");
        yield return Request(operation, "body-bom", path, "", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Serialize(valid))], "application/json");
        yield return Json(operation, "body-oversized", path, "{\"name\":\"" + new string('a', 1_100_000) + "\"}");
        foreach (var contentType in new string?[] { "text/plain", "application/xml", "application/json; charset=latin1", null, "multipart/form-data", "application/x-www-form-urlencoded" })
        {
            yield return Request(operation, $"body-content-type:{contentType ?? "none"}", path, "", Encoding.UTF8.GetBytes(Serialize(valid)), contentType);
        }
    }

    private IEnumerable<FuzzRequest> MultipartVariants(OpenApiOperation operation)
    {
        var path = BuildPath(operation);
        const string boundary = "fuzzboundary";
        var type = $"multipart/form-data; boundary={boundary}";
        FuzzRequest Part(string variant, string disposition, string? partType, string content, bool close = true) =>
            Request(operation, variant, path, "", Encoding.UTF8.GetBytes(
                $"--{boundary}\r\nContent-Disposition: {disposition}\r\n{(partType is null ? "" : $"Content-Type: {partType}\r\n")}\r\n{content}\r\n{(close ? $"--{boundary}--\r\n" : "")}"), type);

        yield return Part("multipart-name:control", "form-data; name=\"file\"; filename=\"a\u0001b.txt\"", "text/plain", "hello");
        yield return Part("multipart-name:bidi", "form-data; name=\"file\"; filename=\"invoice\u202Efdp.exe\"", "text/plain", "hello");
        yield return Part("multipart-name:long", $"form-data; name=\"file\"; filename=\"{new string('n', 3000)}.txt\"", "text/plain", "hello");
        yield return Part("multipart-name:traversal", "form-data; name=\"file\"; filename=\"../../etc/passwd\"", "text/plain", "hello");
        yield return Part("multipart-name:empty", "form-data; name=\"file\"; filename=\"\"", "text/plain", "hello");
        yield return Part("multipart-name:star", "form-data; name=\"file\"; filename*=UTF-8''%00%ED%A0%80.txt", "text/plain", "hello");
        yield return Part("multipart-file:empty", "form-data; name=\"file\"; filename=\"empty.txt\"", "text/plain", "");
        yield return Part("multipart-file:executable", "form-data; name=\"file\"; filename=\"a.pdf\"", "application/pdf", "MZ\u0090\u0000binary");
        yield return Part("multipart-file:wrong-field", "form-data; name=\"other\"; filename=\"a.txt\"", "text/plain", "hello");
        yield return Part("multipart-file:no-filename", "form-data; name=\"file\"", null, "hello");
        yield return Part("multipart-file:content-type", "form-data; name=\"file\"; filename=\"a.txt\"", "\u0001/\u0002", "hello");
        yield return Part("multipart-truncated", "form-data; name=\"file\"; filename=\"a.txt\"", "text/plain", "hello", close: false);
        yield return Request(operation, "multipart-no-parts", path, "", Encoding.UTF8.GetBytes($"--{boundary}--\r\n"), type);
        yield return Request(operation, "multipart-no-boundary", path, "", Encoding.UTF8.GetBytes("hello"), "multipart/form-data");
        yield return Request(operation, "multipart-long-boundary", path, "", Encoding.UTF8.GetBytes("hello"), $"multipart/form-data; boundary={new string('b', 500)}");
        yield return Request(operation, "multipart-as-json", path, "", Encoding.UTF8.GetBytes("{\"file\":\"aGVsbG8=\"}"), "application/json");
        yield return Request(operation, "multipart-none", path, "", null, null);
    }

    /// <summary>Literal JSON values that break a property of this schema.</summary>
    private IEnumerable<string> LiteralsFor(string name, JsonNode? schema)
    {
        var type = (string?)schema?["type"];
        var format = (string?)schema?["format"];
        var literals = new List<string>();
        literals.AddRange(WrongTypes.Where(w => !Fits(w, type)));
        switch (type, format)
        {
            case ("string", "uuid"):
                var kind = FuzzTargets.KindOfProperty(name);
                literals.AddRange([
                    $"\"{targets.OtherOf(kind)}\"", $"\"{Guid.CreateVersion7()}\"", @"""not-a-uuid""", $"\"{Guid.Empty}\"",
                    $"\"{WrongKindOf(kind)}\"", @"""\u0000""", $"\"{targets.OwnOf(kind):B}\"",
                ]);
                break;
            case ("string", "date" or "date-time"):
                literals.AddRange(Dates);
                literals.AddRange(Pick(ControlStrings, 3));
                break;
            case ("string", _):
                literals.AddRange(Pick(ControlStrings, 8));
                literals.Add($"\"{new string('a', 10_001)}\"");
                literals.Add($"\"{string.Concat(Enumerable.Repeat("😀", 300))}\"");
                if (schema?["enum"] is JsonArray values && values.Count > 0)
                {
                    var first = (string?)values[0];
                    var last = (string?)values[^1];
                    literals.AddRange([
                        @"""unknown""", $"\"{first?.ToUpperInvariant()}\"", $"\" {first}\"", $"\"{first}, {last}\"", $"\"{first},{last}\"",
                        @"""1""", @"""-1""", "1",
                    ]);
                }

                break;
            case ("integer" or "number", _):
                literals.AddRange(Numbers);
                break;
            case ("array", _):
                literals.AddRange([$"[{string.Join(',', Enumerable.Repeat("1", 2000))}]", "[null]", @"[""\u0000""]"]);
                break;
            case ("object", _):
                literals.AddRange([@"{""text"":""\u0000""}", @"{""text"":1}", @"{""zzz"":1}"]);
                break;
        }

        return literals;
    }

    private static bool Fits(string literal, string? type) => type switch
    {
        "boolean" => literal is "true",
        "integer" or "number" => literal is "12",
        "array" => literal.StartsWith('['),
        "object" => literal.StartsWith('{'),
        "string" => literal.StartsWith('"'),
        _ => false,
    };

    /// <summary>Every property of a body schema with its location, one level into nested objects.</summary>
    private static IEnumerable<(string[] Location, JsonNode? Schema)> Properties(JsonNode? schema, string[] prefix)
    {
        if (schema?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (name, property) in properties)
        {
            string[] location = [.. prefix, name];
            yield return (location, property);
            if (prefix.Length == 0 && (string?)property?["type"] == "object")
            {
                foreach (var nested in Properties(property, location))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The example body, or one built from the schema, with every id replaced by the caller's own record.</summary>
    private JsonNode ValidBody(OpenApiOperation operation)
    {
        var body = operation.BodyExample?.DeepClone() ?? ValidValue("body", operation.BodySchema) ?? new JsonObject();
        if (body is JsonObject root && operation.BodySchema?["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if ((string?)property?["format"] == "uuid")
                {
                    root[name] = targets.OwnOf(FuzzTargets.KindOfProperty(name)).ToString();
                }
            }

            // Turning this on would shut the fuzzing member (who has no second factor) out of the rest of the run.
            if (root.ContainsKey("require_two_factor"))
            {
                root["require_two_factor"] = false;
            }
        }

        return body;
    }

    private JsonNode? ValidValue(string name, JsonNode? schema) => ((string?)schema?["type"], (string?)schema?["format"]) switch
    {
        (_, _) when schema?["enum"] is JsonArray { Count: > 0 } values => values[0]?.DeepClone(),
        ("string", "uuid") => targets.OwnOf(FuzzTargets.KindOfProperty(name)).ToString(),
        ("string", "date") => DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ("string", "date-time") => DateTime.UtcNow.AddDays(7).ToString("O", CultureInfo.InvariantCulture),
        ("string", "email") => "fuzz@example.com",
        ("string", _) => "fuzz",
        ("integer" or "number", _) => 1,
        ("boolean", _) => false,
        ("array", _) => new JsonArray(ValidValue(name, schema?["items"])),
        ("object", _) => new JsonObject(
            (schema?["properties"] as JsonObject ?? [])
                .Select(p => KeyValuePair.Create(p.Key, ValidValue(p.Key, p.Value)))),
        _ => null,
    };

    private object? Body(OpenApiOperation operation) => operation.BodyContentType == "application/json" ? ValidBody(operation) : null;

    private FuzzRequest Json(OpenApiOperation operation, string variant, string path, string json) =>
        Request(operation, variant, path, "", Encoding.UTF8.GetBytes(json), "application/json");

    private FuzzRequest Request(OpenApiOperation operation, string variant, string path, string query, object? body) =>
        body is JsonNode node
            ? Request(operation, variant, path, query, Encoding.UTF8.GetBytes(Serialize(node)), "application/json")
            : Request(operation, variant, path, query, null, null);

    private static FuzzRequest Request(OpenApiOperation operation, string variant, string path, string query, byte[]? body, string? contentType) =>
        new(operation, variant, query.Length == 0 ? path : $"{path}?{query}", body, contentType);

    private string BuildPath(OpenApiOperation operation, string? replaced = null, string? value = null)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var actual = parameter.Name == replaced
                ? value!
                : targets.OwnOf(FuzzTargets.KindOfPathParameter(operation.Path, parameter.Name)).ToString();
            path = path.Replace($"{{{parameter.Name}}}", actual, StringComparison.Ordinal);
        }

        return path;
    }

    private Guid WrongKindOf(string kind) => targets.OwnOf(kind == "deal" ? "contact" : "deal");

    private IEnumerable<string> Pick(string[] from, int count) => from.OrderBy(_ => _random.Next()).Take(count);

    private static string Serialize(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static bool Remove(JsonNode body, string[] location) =>
        Parent(body, location, create: false) is { } parent && parent.Remove(location[^1]);

    private static JsonObject? Parent(JsonNode body, string[] location, bool create)
    {
        if (body is not JsonObject node)
        {
            return null;
        }

        foreach (var name in location[..^1])
        {
            if (node[name] is not JsonObject child)
            {
                if (!create)
                {
                    return null;
                }

                child = [];
                node[name] = child;
            }

            node = child;
        }

        return node;
    }

    private static string Short(string text) => text.Length <= 40 ? text : $"{text[..30]}…({text.Length})";
}
