using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Crm.Application.Common.Interfaces;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// Malformed input found by probing every operation from the outside: each answer is a 4xx problem with a code,
/// never a 500, a reset connection or a stack trace.
/// </summary>
public sealed class HardenedInputTests : ApiTest
{
    // Raw JSON escapes, so that the service's own parser meets them.
    [TestCase(@"a\u0000b", "must not contain control characters")]
    [TestCase(@"bell\u0007", "must not contain control characters")]
    [TestCase(@"esc\u001b[2J", "must not contain control characters")]
    [TestCase(@"del\u007f", "must not contain control characters")]
    [TestCase(@"two\nlines", "must be a single line (no tab, line feed or carriage return)")]
    [TestCase(@"lone \ud800 high", "must be valid Unicode text (no lone surrogate)")]
    [TestCase(@"lone \udfff low", "must be valid Unicode text (no lone surrogate)")]
    public async Task A_control_character_or_lone_surrogate_in_a_json_string_is_refused_naming_the_field(string escaped, string message)
    {
        var api = await SignedInAsync();

        var reply = await api.SendRawAsync(HttpMethod.Post, "/api/v1/contacts", $$"""{"name":"{{escaped}}"}""");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("name").ShouldBe([message]);
        (await api.GetAsync("/api/v1/contacts")).Json["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Test]
    public async Task An_anonymous_sign_in_with_a_nul_in_its_email_is_refused_not_failed()
    {
        var reply = await NewApi().From("203.0.113.40")
            .SendRawAsync(HttpMethod.Post, "/api/v1/auth/login", """{"email":"ada\u0000@example.com","password":"x"}""");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("email").ShouldNotBeEmpty();
    }

    [Test]
    public async Task Multi_line_fields_keep_tab_and_line_breaks_but_refuse_other_control_characters()
    {
        var api = await SignedInAsync();
        var deal = await api.CreateDealAsync();

        var task = await api.SendRawAsync(HttpMethod.Post, "/api/v1/tasks", $$"""{"deal_id":"{{deal}}","title":"Call","description":"first\r\n\tsecond"}""");
        var comment = await api.SendRawAsync(HttpMethod.Post, $"/api/v1/deals/{deal}/activities", """{"type":"comment","payload":{"text":"line one\nline two"}}""");
        var badComment = await api.SendRawAsync(HttpMethod.Post, $"/api/v1/deals/{deal}/activities", """{"type":"comment","payload":{"text":"line one\n\u0000"}}""");
        var badTitle = await api.SendRawAsync(HttpMethod.Post, "/api/v1/tasks", $$"""{"deal_id":"{{deal}}","title":"Call\nback"}""");

        task.Status.ShouldBe(HttpStatusCode.Created, task.Text);
        ((string?)task.Json["description"]).ShouldBe("first\r\n\tsecond");
        comment.Status.ShouldBe(HttpStatusCode.Created, comment.Text);
        badComment.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        badComment.ErrorsOf("payload.text").ShouldBe(["must not contain control characters"]);
        badTitle.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        badTitle.ErrorsOf("title").ShouldNotBeEmpty();
    }

    [Test]
    public async Task A_partial_update_with_a_control_character_changes_nothing()
    {
        var api = await SignedInAsync();
        var contact = await api.CreateContactAsync("Ada");

        var reply = await api.SendRawAsync(HttpMethod.Patch, $"/api/v1/contacts/{contact}", """{"name":"Eve\u0000"}""");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf("name").ShouldNotBeEmpty();
        ((string?)(await api.GetAsync($"/api/v1/contacts/{contact}")).Json["name"]).ShouldBe("Ada");
    }

    [TestCase("/api/v1/contacts?search=%00a", "search")]
    [TestCase("/api/v1/contacts?search=a%1Fb", "search")]
    [TestCase("/api/v1/contacts?search=a%0Ab", "search")]
    [TestCase("/api/v1/contacts?unknown=%00", "unknown")]
    [TestCase("/api/v1/audit-logs?action=a%00b", "action")]
    [TestCase("/api/v1/search?q=%00", "q")]
    public async Task A_control_character_in_a_query_parameter_is_refused_naming_it(string path, string parameter)
    {
        var api = await SignedInAsync();

        var reply = await api.GetAsync(path);

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf(parameter).ShouldNotBeEmpty();
    }

    [Test]
    public async Task The_audit_export_refuses_a_bad_filter_before_it_starts_streaming()
    {
        var api = await SignedInAsync();

        var json = await api.GetAsync("/api/v1/audit-logs/export?action=a%00b");
        var csv = await api.GetAsync("/api/v1/audit-logs/export?format=csv&action=a%00b");
        var fine = await api.GetAsync("/api/v1/audit-logs/export?action=register");

        json.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        json.ErrorsOf("action").ShouldNotBeEmpty();
        csv.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        fine.Status.ShouldBe(HttpStatusCode.OK, fine.Text);
        fine.Json.AsArray().ShouldNotBeNull();
    }

    [TestCase(0)]
    [TestCase(1)]
    public async Task An_export_failing_before_its_first_row_is_a_problem_and_after_it_a_broken_transfer(int rowsBeforeFailure)
    {
        await using var failing = new CrmApiFactory(Testing.Database.ConnectionString, services: s =>
        {
            var original = s.Last(d => d.ServiceType == typeof(IReadStore)).ImplementationType!;
            s.AddScoped<IReadStore>(sp => new FailingStreams((IReadStore)ActivatorUtilities.CreateInstance(sp, original), rowsBeforeFailure));
        });
        var api = new Api(failing.CreateClient());
        var owner = api.As(await api.RegisterAsync());
        await owner.CreateContactAsync("Ada");
        await owner.CreateContactAsync("Bob");
        using var client = failing.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit-logs/export?format=csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", owner.Token);
        request.Headers.Add("X-Organization-Id", owner.OrganizationId.ToString());

        var sending = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        if (rowsBeforeFailure == 0)
        {
            // The query failed before the status line: an ordinary problem.
            using var response = await sending;
            var reply = new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
            reply.ShouldBeProblem(HttpStatusCode.InternalServerError, "internal_error");
        }
        else
        {
            // Rows had been written: the transfer breaks rather than ending like a complete file (at the status line
            // when the first bytes were still held back for the compression decision, in the body otherwise).
            var broken = await Should.ThrowAsync<Exception>(async () =>
            {
                using var response = await sending;
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                await response.Content.ReadAsStringAsync();
            });
            broken.ShouldNotBeOfType<ShouldAssertException>();
        }
    }

    [Test]
    public async Task Full_text_metacharacters_in_a_filter_are_plain_values_every_time()
    {
        var api = await SignedInAsync();
        string[] values = ["a:*&|!(", "a%3A*%26%7C!(", "%27%3B--", "%5C", "a%20%26%20b", "!!", "(a|b)%26!c:*"];

        // In parallel and repeated: an answer that depends on what ran before or beside it shows up here.
        var replies = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => values).Select(v => api.GetAsync($"/api/v1/audit-logs?action={v}")));
        var exports = await Task.WhenAll(values.Select(v => api.GetAsync($"/api/v1/audit-logs/export?action={v}")));

        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        replies.ShouldAllBe(r => r.Json["total"]!.GetValue<int>() == 0);
        exports.ShouldAllBe(r => r.Status == HttpStatusCode.OK && r.Text == "[]");
    }

    [TestCase("page=21474838&page_size=100")]
    [TestCase("page=10001")]
    [TestCase("page=2147483647&page_size=100")]
    [TestCase("page=99999999999")]
    [TestCase("page=-1")]
    [TestCase("page=1e3")]
    public async Task A_page_out_of_range_is_refused_naming_page(string query)
    {
        var api = await SignedInAsync();

        foreach (var list in new[] { "contacts", "deals", "tasks", "audit-logs" })
        {
            var reply = await api.GetAsync($"/api/v1/{list}?{query}");

            reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
            reply.ErrorsOf("page").ShouldNotBeEmpty(list);
            reply.Text.ShouldNotContain("Int32");
        }
    }

    [Test]
    public async Task The_deepest_page_by_number_is_served()
    {
        var api = await SignedInAsync();

        var reply = await api.GetAsync("/api/v1/contacts?page=10000&page_size=100");

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.Json["items"]!.AsArray().ShouldBeEmpty();
    }

    [TestCase("owner_id=not-a-uuid", "owner_id", "must be a UUID")]
    [TestCase("page_size=4294967296", "page_size", "must be a whole number from -2147483648 to 2147483647")]
    public async Task A_query_value_of_the_wrong_type_names_its_parameter_without_internals(string query, string parameter, string message)
    {
        var api = await SignedInAsync();

        var reply = await api.GetAsync($"/api/v1/contacts?{query}");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        reply.ErrorsOf(parameter).ShouldBe([message]);
    }

    [TestCase("1e309")]
    [TestCase("-1e309")]
    [TestCase("99999999999999999999999999999999")]
    [TestCase("10000000000000000")]
    [TestCase("12.345")]
    [TestCase("-5")]
    public async Task An_amount_that_does_not_fit_is_refused(string amount)
    {
        var api = await SignedInAsync();
        var contact = await api.CreateContactAsync();

        var reply = await api.SendRawAsync(HttpMethod.Post, "/api/v1/deals", $$"""{"contact_id":"{{contact}}","title":"Big","amount":{{amount}},"currency":"EUR"}""");

        reply.Status.ShouldBe(HttpStatusCode.BadRequest, reply.Text);
        ((string?)reply.Json["code"]).ShouldBeOneOf("validation_failed", "malformed_json", "invalid_amount");
        reply.Text.ShouldContain("amount");
        (await api.GetAsync("/api/v1/deals")).Json["total"]!.GetValue<int>().ShouldBe(0);
    }

    [TestCase("2147483648")]
    [TestCase("1e10")]
    [TestCase("1.5")]
    public async Task An_integer_beyond_32_bits_in_a_body_is_malformed_json_naming_the_field(string value)
    {
        var api = await SignedInAsync();
        var contact = await api.CreateContactAsync();
        var deal = await api.CreateDealAsync(contact);

        var reply = await api.SendRawAsync(HttpMethod.Post, "/api/v1/tasks", $$"""{"deal_id":"{{deal}}","title":{{value}}}""");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
        ((string?)reply.Json["detail"] ?? string.Empty).ShouldContain("$.title");
    }

    [Test]
    public async Task A_body_over_one_megabyte_is_refused_as_too_large_whether_its_length_is_declared_or_not()
    {
        var api = await SignedInAsync();
        var name = new string('a', 1024 * 1024);
        var body = $$"""{"name":"{{name}}"}""";

        var declared = await SendAsync(api, HttpMethod.Post, "/api/v1/contacts", new StringContent(body, Encoding.UTF8, "application/json"));
        var chunked = await SendAsync(api, HttpMethod.Post, "/api/v1/contacts", new ChunkedContent(Encoding.UTF8.GetBytes(body), "application/json"));
        var justUnder = await api.SendRawAsync(HttpMethod.Post, "/api/v1/contacts", $$"""{"name":"{{new string('a', 200)}}","phone":"{{new string(' ', 1000 * 1000)}}"}""");

        declared.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        chunked.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        justUnder.Status.ShouldNotBe(HttpStatusCode.RequestEntityTooLarge, justUnder.Text);
        (await api.GetAsync("/api/v1/contacts")).Json["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Test]
    public async Task A_body_nested_too_deeply_is_malformed_json()
    {
        var api = await SignedInAsync();
        var deep = new string('[', 200) + new string(']', 200);

        var reply = await api.SendRawAsync(HttpMethod.Post, "/api/v1/contacts", $$"""{"name":"Ada","phone":{{deep}}}""");

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed_json");
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/xml")]
    public async Task A_body_of_another_media_type_is_refused_as_unsupported(string mediaType)
    {
        var api = await SignedInAsync();

        var reply = await SendAsync(api, HttpMethod.Post, "/api/v1/contacts", new StringContent("""{"name":"Ada"}""", Encoding.UTF8, mediaType));

        reply.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task A_malformed_oversized_or_repeated_organization_header_is_a_400()
    {
        var api = await SignedInAsync();
        var organization = api.OrganizationId!.Value.ToString();
        string[][] headers =
        [
            ["not-a-uuid"],
            [organization + "x"],
            [new string('a', 16 * 1024)],
            [organization, organization],
            [organization, Guid.NewGuid().ToString()],
        ];

        foreach (var values in headers)
        {
            var reply = await SendAsync(api.InOrganization(null), HttpMethod.Get, "/api/v1/contacts", null, h => h.TryAddWithoutValidation("X-Organization-Id", values));

            reply.ShouldBeProblem(HttpStatusCode.BadRequest, "organization_header_required");
        }
    }

    [Test]
    public async Task A_malformed_oversized_or_repeated_authorization_header_is_a_401()
    {
        var api = await SignedInAsync();
        var token = api.Token!;
        string[][] headers =
        [
            ["Bearer"],
            ["Bearer "],
            ["Bearer a b c"],
            ["Basic YWRhOnNlY3JldA=="],
            ["Bearer %%%%"],
            ["Bearer " + new string('A', 16 * 1024)],
            ["Bearer " + token[..^4]],
            ["Bearer " + token, "Bearer " + token],
            ["Bearer " + token, "Basic YWRhOnNlY3JldA=="],
        ];

        foreach (var values in headers)
        {
            var reply = await SendAsync(api.WithToken(null), HttpMethod.Get, "/api/v1/contacts", null, h => h.TryAddWithoutValidation("Authorization", values));

            reply.Status.ShouldBe(HttpStatusCode.Unauthorized, $"{values[0][..Math.Min(20, values[0].Length)]}: {reply.Text}");
            reply.ContentHeaders.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
    }

    [TestCase("text/html")]
    [TestCase("text/html,application/xhtml+xml;q=0.9")]
    [TestCase("application/xml")]
    [TestCase("image/png")]
    public async Task Errors_are_problem_json_whatever_accept_says(string accept)
    {
        var anonymous = NewApi().From("203.0.113.41");
        await anonymous.RegisterAsync("ada-accept@example.com");
        var api = await SignedInAsync();

        var wrongPassword = await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/login", JsonContent("""{"email":"ada-accept@example.com","password":"wrong-password-123"}"""), Accept(accept));
        var notFound = await SendAsync(api, HttpMethod.Get, $"/api/v1/contacts/{Guid.NewGuid()}", null, Accept(accept));
        var invalid = await SendAsync(api, HttpMethod.Post, "/api/v1/contacts", JsonContent("{}"), Accept(accept));
        var noRoute = await SendAsync(api, HttpMethod.Get, "/api/v1/no-such-thing", null, Accept(accept));
        var anonymousList = await SendAsync(api.WithToken(null), HttpMethod.Get, "/api/v1/contacts", null, Accept(accept));

        wrongPassword.ShouldBeProblem(HttpStatusCode.Unauthorized, "invalid_credentials");
        notFound.ShouldBeProblem(HttpStatusCode.NotFound, "contact_not_found");
        invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        noRoute.ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        anonymousList.ShouldBeProblem(HttpStatusCode.Unauthorized, "authentication_required");
        foreach (var reply in new[] { wrongPassword, notFound, invalid, noRoute, anonymousList })
        {
            reply.Text.ShouldNotContain("<html", Case.Insensitive);
            reply.Text.ShouldNotContain(" at Crm.");
        }
    }

    [Test]
    public async Task In_development_an_unexpected_failure_is_still_a_problem_without_internals_even_for_a_browser()
    {
        await using var development = new CrmApiFactory(
            Testing.Database.ConnectionString,
            environment: "Development",
            services: s => s.AddScoped<IContactSearch>(_ => throw new InvalidOperationException("boom in Crm.Internals")));
        var api = new Api(development.CreateClient());
        var signedIn = api.As(await api.RegisterAsync());
        using var client = development.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/contacts?search=ada");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.Token);
        request.Headers.Add("X-Organization-Id", signedIn.OrganizationId.ToString());
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml");

        using var response = await client.SendAsync(request);
        var reply = new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);

        reply.ShouldBeProblem(HttpStatusCode.InternalServerError, "internal_error");
        reply.Text.ShouldNotContain("boom");
        reply.Text.ShouldNotContain("InvalidOperationException");
        reply.Text.ShouldNotContain("<html", Case.Insensitive);
    }

    [Test]
    public async Task A_success_is_still_answered_in_json_to_a_client_that_asks_for_html()
    {
        var api = await SignedInAsync();

        var reply = await SendAsync(api, HttpMethod.Get, "/api/v1/contacts", null, Accept("text/html"));

        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.ContentHeaders.ContentType?.MediaType.ShouldBe("application/json");
    }

    [Test]
    public async Task A_cursor_is_refused_by_another_list_other_filters_or_another_organization()
    {
        var api = await SignedInAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.CreateDealAsync(await api.CreateContactAsync($"Ada {i}"));
        }

        var other = api.As(await NewApi().RegisterAsync());
        var contacts = await api.GetAsync("/api/v1/contacts?page_size=1&search=ada");
        var cursor = Uri.EscapeDataString((string)contacts.Json["next_cursor"]!);

        var sameList = await api.GetAsync($"/api/v1/contacts?page_size=1&search=ada&cursor={cursor}");
        var otherPageSize = await api.GetAsync($"/api/v1/contacts?page_size=2&search=ada&cursor={cursor}");
        var deals = await api.GetAsync($"/api/v1/deals?order_by=created_at&order=asc&page_size=1&cursor={cursor}");
        var tasks = await api.GetAsync($"/api/v1/tasks?order_by=created_at&order=asc&page_size=1&cursor={cursor}");
        var otherFilter = await api.GetAsync($"/api/v1/contacts?page_size=1&search=bob&cursor={cursor}");
        var noFilter = await api.GetAsync($"/api/v1/contacts?page_size=1&cursor={cursor}");
        var otherOrganization = await other.GetAsync($"/api/v1/contacts?page_size=1&search=ada&cursor={cursor}");

        sameList.Status.ShouldBe(HttpStatusCode.OK, sameList.Text);
        otherPageSize.Status.ShouldBe(HttpStatusCode.OK, otherPageSize.Text);
        foreach (var refused in new[] { deals, tasks, otherFilter, noFilter, otherOrganization })
        {
            refused.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid_cursor");
        }
    }

    [Test]
    public async Task Bidirectional_controls_are_stripped_from_an_uploaded_file_name()
    {
        var api = await SignedInAsync();
        var contact = await api.CreateContactAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomNumberGenerator.GetBytes(2_000)];

        // The right-to-left override would show the rest of the name mirrored; the isolate and the mark are invisible.
        var reply = await api.UploadAsync($"/api/v1/contacts/{contact}/attachments", png, "in\u2066voice\u202Egnp.png\u200F", "image/png");

        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        ((string?)reply.Json["file_name"]).ShouldBe("invoicegnp.png");
    }

    private static async Task<Api> SignedInAsync()
    {
        var api = NewApi();
        return api.As(await api.RegisterAsync());
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static Action<HttpRequestHeaders> Accept(string accept) => h => h.TryAddWithoutValidation("Accept", accept);

    /// <summary>Sends with the caller's token and organization, plus any header as it is given (unchecked).</summary>
    private static async Task<Reply> SendAsync(Api api, HttpMethod method, string path, HttpContent? content, Action<HttpRequestHeaders>? headers = null)
    {
        using var client = Testing.Factory.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (api.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        }

        if (api.OrganizationId is { } organizationId)
        {
            request.Headers.Add("X-Organization-Id", organizationId.ToString());
        }

        if (api.ClientAddress is not null)
        {
            request.Headers.Add(CrmApiFactory.ClientAddressHeader, api.ClientAddress);
        }

        headers?.Invoke(request.Headers);
        using var response = await client.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
    }

    /// <summary>A body sent without a Content-Length, as a client streaming it would.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A read store whose streams fail after some rows, as a database connection lost mid-export would.</summary>
    private sealed class FailingStreams(IReadStore inner, int rowsBeforeFailure) : IReadStore
    {
        public IQueryable<T> Query<T>()
            where T : class => inner.Query<T>();

        public IQueryable<T> Query<T>(Ardalis.Specification.ISpecification<T> specification)
            where T : class => inner.Query(specification);

        public IQueryable<TResult> Query<T, TResult>(Ardalis.Specification.ISpecification<T, TResult> specification)
            where T : class => inner.Query(specification);

        public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => inner.ToListAsync(query, cancellationToken);

        public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => inner.FirstOrDefaultAsync(query, cancellationToken);

        public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);

        public Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) => inner.AnyAsync(query, cancellationToken);

        public async IAsyncEnumerable<T> StreamAsync<T>(IQueryable<T> query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var rows = 0;
            await foreach (var row in inner.StreamAsync(query, cancellationToken))
            {
                if (rows++ == rowsBeforeFailure)
                {
                    break;
                }

                yield return row;
            }

            throw new InvalidOperationException("The connection was lost.");
        }
    }
}
