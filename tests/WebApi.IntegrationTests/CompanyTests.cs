using System.Net;
using System.Text.Json.Nodes;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>/api/v1/companies, and companies as contacts and deals refer to them.</summary>
public sealed class CompanyTests : ApiTest
{
    private const string Companies = "/api/v1/companies";

    private static async Task<Guid> CreateCompanyAsync(Api api, string name = "Acme", string? domain = null, Guid? ownerId = null)
    {
        var reply = await api.PostAsync(Companies, new { name, domain, owner_id = ownerId });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse(reply["id"]!);
    }

    private static async Task<Guid> CreateContactAsync(Api api, Guid? companyId, string name = "Ada")
    {
        var reply = await api.PostAsync("/api/v1/contacts", new { name, company_id = companyId });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse(reply["id"]!);
    }

    private static async Task<JsonNode> CreateDealAsync(Api api, Guid contactId, Guid? companyId = null, decimal amount = 100m, string currency = "EUR")
    {
        var reply = await api.PostAsync("/api/v1/deals", new { contact_id = contactId, company_id = companyId, title = "Deal", amount, currency });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return reply.Json;
    }

    private static List<string> Ids(Reply reply) => reply.Json["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();

    [Test]
    public async Task A_company_is_created_read_changed_and_deleted_with_its_fields_as_sent_and_its_domain_normalised()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);

        var created = await asOwner.PostAsync(Companies, new
        {
            name = " Analytical Engines ",
            domain = "https://www.Analytical-Engines.example:443/about?x=1",
            industry = "Computing",
            employee_count = 120,
            website = "https://analytical-engines.example",
            phone = "+44 20 7946 0958",
            address = new { line1 = "12 St James's Square", city = "London", postal_code = "SW1Y 4JH", country = "gb" },
        });

        created.Status.ShouldBe(HttpStatusCode.Created, created.Text);
        var id = created["id"]!;
        created.Headers.Location!.ToString().ShouldBe($"{Companies}/{id}");
        created.Headers.ETag.ShouldNotBeNull();
        created.ShouldSatisfyAllConditions(
            c => c["name"].ShouldBe("Analytical Engines"),
            c => c["domain"].ShouldBe("analytical-engines.example"),
            c => c["owner_id"].ShouldBe(owner.UserId.ToString()),
            c => ((int?)c.Json["employee_count"]).ShouldBe(120),
            c => ((string?)c.Json["address"]!["country"]).ShouldBe("GB"),
            c => ((string?)c.Json["address"]!["line2"]).ShouldBeNull(),
            c => ((string?)c.Json["address"]!["postal_code"]).ShouldBe("SW1Y 4JH"));

        var read = await asOwner.GetAsync($"{Companies}/{id}");
        read.Status.ShouldBe(HttpStatusCode.OK, read.Text);
        read["website"].ShouldBe("https://analytical-engines.example");
        ((int?)read.Json["contact_count"]).ShouldBe(0);
        ((int?)read.Json["open_deal_count"]).ShouldBe(0);
        read.Json["won_amounts"]!.AsArray().ShouldBeEmpty();

        var changed = await asOwner.PatchAsync($"{Companies}/{id}", new { industry = (string?)null, address = (object?)null, employee_count = 150 });
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        changed["industry"].ShouldBeNull();
        changed.Json["address"]!.AsObject().Select(p => p.Value).ShouldAllBe(v => v == null);
        ((int?)changed.Json["employee_count"]).ShouldBe(150);
        changed["domain"].ShouldBe("analytical-engines.example");

        (await asOwner.DeleteAsync($"{Companies}/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await asOwner.GetAsync($"{Companies}/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
    }

    [Test]
    public async Task Invalid_fields_answer_400_naming_each_field()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());

        var reply = await asOwner.PostAsync(Companies, new
        {
            name = " ",
            domain = "not a domain",
            employee_count = -1,
            website = "ftp://acme.example",
            phone = "12ab",
            address = new { country = "XX" },
        });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "name", "domain", "employee_count", "website", "phone", "address.country" })
        {
            reply.ErrorsOf(field).ShouldNotBeEmpty(field);
        }

        var company = await CreateCompanyAsync(asOwner);
        var patch = await asOwner.PatchAsync($"{Companies}/{company}", new { domain = "bücher.de", address = new { country = "USA" } });
        patch.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        patch.ErrorsOf("domain").ShouldNotBeEmpty();
        patch.ErrorsOf("address.country").ShouldNotBeEmpty();
    }

    [Test]
    public async Task A_domain_is_unique_within_the_organization_however_it_is_written_but_not_across_organizations()
    {
        var api = NewApi();
        var first = api.As(await api.RegisterAsync());
        await CreateCompanyAsync(first, "Acme", "acme.com");

        (await first.PostAsync(Companies, new { name = "Acme again", domain = "HTTPS://WWW.ACME.COM/" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "company_domain_taken");
        var other = await CreateCompanyAsync(first, "Other", "other.com");
        (await first.PatchAsync($"{Companies}/{other}", new { domain = "http://acme.com/x" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "company_domain_taken");
        // Companies without a domain never conflict, and a company may keep its own domain.
        await CreateCompanyAsync(first, "No domain");
        await CreateCompanyAsync(first, "No domain either");
        (await first.PatchAsync($"{Companies}/{other}", new { domain = "www.other.com" })).Status.ShouldBe(HttpStatusCode.OK);

        var second = api.As(await api.RegisterAsync());
        await CreateCompanyAsync(second, "Acme elsewhere", "acme.com");
    }

    [Test]
    public async Task Of_parallel_creates_with_one_domain_exactly_one_succeeds_and_the_others_answer_409()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            asOwner.PostAsync(Companies, new { name = $"Acme {i}", domain = i % 2 == 0 ? "acme.com" : "https://www.ACME.com" })));

        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1, string.Join('\n', replies.Select(r => r.Text)));
        foreach (var refused in replies.Where(r => r.Status != HttpStatusCode.Created))
        {
            refused.ShouldBeProblem(HttpStatusCode.Conflict, "company_domain_taken");
        }

        ((int?)(await asOwner.GetAsync($"{Companies}?domain=acme.com")).Json["total"]).ShouldBe(1);
    }

    [Test]
    public async Task Members_change_only_their_own_companies_and_managers_change_all()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var member = api.As(team.Member);
        var manager = api.As(team.Manager);

        var managers = await CreateCompanyAsync(manager, "Manager's");
        var members = await CreateCompanyAsync(member, "Member's");

        (await member.GetAsync($"{Companies}/{managers}")).Status.ShouldBe(HttpStatusCode.OK);
        (await member.PatchAsync($"{Companies}/{managers}", new { name = "Mine now" })).ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await member.DeleteAsync($"{Companies}/{managers}")).ShouldBeProblem(HttpStatusCode.Forbidden, "not_record_owner");
        (await member.PostAsync(Companies, new { name = "For the manager", owner_id = team.Manager.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_assignment_forbidden");
        (await member.PatchAsync($"{Companies}/{members}", new { owner_id = team.Manager.UserId }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "owner_assignment_forbidden");
        (await member.PatchAsync($"{Companies}/{members}", new { name = "Member's own" })).Status.ShouldBe(HttpStatusCode.OK);

        (await manager.PatchAsync($"{Companies}/{members}", new { owner_id = team.Manager.UserId })).Status.ShouldBe(HttpStatusCode.OK);
        (await api.As(team.Admin).DeleteAsync($"{Companies}/{managers}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var outsider = await api.RegisterAsync();
        (await manager.PostAsync(Companies, new { name = "For a stranger", owner_id = outsider.UserId }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "user_not_member");
        (await member.GetAsync($"{Companies}?owner_id={team.Member.UserId}")).ShouldBeProblem(HttpStatusCode.Forbidden, "owner_filter_forbidden");
    }

    [Test]
    public async Task Another_organizations_company_is_not_found_by_id_and_cannot_be_referenced()
    {
        var api = NewApi();
        var stranger = api.As(await api.RegisterAsync());
        var theirs = await CreateCompanyAsync(stranger, "Theirs", "theirs.com");
        var me = api.As(await api.RegisterAsync());
        var contact = await CreateContactAsync(me, null);
        var deal = (string)(await CreateDealAsync(me, contact))["id"]!;

        (await me.GetAsync($"{Companies}/{theirs}")).ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
        (await me.PatchAsync($"{Companies}/{theirs}", new { name = "Mine" })).ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
        (await me.DeleteAsync($"{Companies}/{theirs}?detach=true")).ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
        (await me.GetAsync($"{Companies}?domain=theirs.com")).Json["items"]!.AsArray().ShouldBeEmpty();

        foreach (var id in new[] { theirs, Guid.NewGuid() })
        {
            (await me.PostAsync("/api/v1/contacts", new { name = "Ada", company_id = id })).ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
            (await me.PatchAsync($"/api/v1/contacts/{contact}", new { company_id = id })).ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
            (await me.PostAsync("/api/v1/deals", new { contact_id = contact, company_id = id, title = "Deal" }))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
            (await me.PatchAsync($"/api/v1/deals/{deal}", new { company_id = id })).ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
        }

        (await stranger.GetAsync($"{Companies}/{theirs}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_deal_takes_its_contacts_company_unless_it_names_another_and_lists_filter_by_company()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner, "Acme");
        var globex = await CreateCompanyAsync(asOwner, "Globex");
        var ada = await CreateContactAsync(asOwner, acme, "Ada");
        var grace = await CreateContactAsync(asOwner, null, "Grace");

        var inherited = await CreateDealAsync(asOwner, ada);
        var named = await CreateDealAsync(asOwner, ada, globex);
        var none = await CreateDealAsync(asOwner, grace);

        ((string?)inherited["company_id"]).ShouldBe(acme.ToString());
        ((string?)named["company_id"]).ShouldBe(globex.ToString());
        ((string?)none["company_id"]).ShouldBeNull();
        Ids(await asOwner.GetAsync($"/api/v1/contacts?company_id={acme}")).ShouldBe([ada.ToString()]);
        Ids(await asOwner.GetAsync($"/api/v1/deals?company_id={acme}")).ShouldBe([(string)inherited["id"]!]);
        Ids(await asOwner.GetAsync($"/api/v1/deals?company_id={globex}")).ShouldBe([(string)named["id"]!]);

        // Moving a contact moves it out of the old company's list, and clearing takes it out of every one.
        (await asOwner.PatchAsync($"/api/v1/contacts/{ada}", new { company_id = globex })).Status.ShouldBe(HttpStatusCode.OK);
        Ids(await asOwner.GetAsync($"/api/v1/contacts?company_id={acme}")).ShouldBeEmpty();
        var cleared = await asOwner.PatchAsync($"/api/v1/contacts/{ada}", new { company_id = (Guid?)null });
        cleared.Status.ShouldBe(HttpStatusCode.OK, cleared.Text);
        cleared["company_id"].ShouldBeNull();
        (await asOwner.GetAsync($"/api/v1/contacts?company_id=nope")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_company_counts_its_contacts_and_open_deals_and_sums_its_won_deals_per_currency()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner);
        var other = await CreateCompanyAsync(asOwner, "Other");
        var ada = await CreateContactAsync(asOwner, acme, "Ada");
        await CreateContactAsync(asOwner, acme, "Grace");
        await CreateContactAsync(asOwner, other, "Elsewhere");
        await CreateDealAsync(asOwner, ada, amount: 10m);
        var wonEuro1 = (string)(await CreateDealAsync(asOwner, ada, amount: 100.50m))["id"]!;
        var wonEuro2 = (string)(await CreateDealAsync(asOwner, ada, amount: 200m))["id"]!;
        var wonDollar = (string)(await CreateDealAsync(asOwner, ada, amount: 7m, currency: "USD"))["id"]!;
        var lost = (string)(await CreateDealAsync(asOwner, ada, amount: 5m))["id"]!;
        await CreateDealAsync(asOwner, ada, other, amount: 1000m);
        foreach (var deal in new[] { wonEuro1, wonEuro2, wonDollar })
        {
            (await asOwner.PatchAsync($"/api/v1/deals/{deal}", new { status = "won" })).Status.ShouldBe(HttpStatusCode.OK);
        }

        (await asOwner.PatchAsync($"/api/v1/deals/{lost}", new { status = "lost" })).Status.ShouldBe(HttpStatusCode.OK);

        var read = await asOwner.GetAsync($"{Companies}/{acme}");

        ((int?)read.Json["contact_count"]).ShouldBe(2);
        ((int?)read.Json["open_deal_count"]).ShouldBe(1);
        read.Json["won_amounts"]!.AsArray().Select(a => ((string)a!["currency"]!, (decimal)a["amount"]!))
            .ShouldBe([("EUR", 300.50m), ("USD", 7m)]);
    }

    [Test]
    public async Task A_company_with_contacts_or_deals_is_deleted_only_with_detach_which_clears_them_in_the_same_transaction()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner);
        var ada = await CreateContactAsync(asOwner, acme);
        var deal = (string)(await CreateDealAsync(asOwner, ada))["id"]!;
        var onlyDeal = await CreateCompanyAsync(asOwner, "Deal only");
        var grace = await CreateContactAsync(asOwner, null, "Grace");
        await CreateDealAsync(asOwner, grace, onlyDeal);

        (await asOwner.DeleteAsync($"{Companies}/{acme}")).ShouldBeProblem(HttpStatusCode.Conflict, "company_has_records");
        (await asOwner.DeleteAsync($"{Companies}/{acme}?detach=false")).ShouldBeProblem(HttpStatusCode.Conflict, "company_has_records");
        (await asOwner.DeleteAsync($"{Companies}/{onlyDeal}")).ShouldBeProblem(HttpStatusCode.Conflict, "company_has_records");
        (await asOwner.GetAsync($"/api/v1/contacts/{ada}"))["company_id"].ShouldBe(acme.ToString());

        (await asOwner.DeleteAsync($"{Companies}/{acme}?detach=true")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await asOwner.GetAsync($"{Companies}/{acme}")).ShouldBeProblem(HttpStatusCode.NotFound, "company_not_found");
        (await asOwner.GetAsync($"/api/v1/contacts/{ada}"))["company_id"].ShouldBeNull();
        (await asOwner.GetAsync($"/api/v1/deals/{deal}"))["company_id"].ShouldBeNull();
        Ids(await asOwner.GetAsync($"/api/v1/contacts?company_id={acme}")).ShouldBeEmpty();
    }

    [Test]
    public async Task A_members_company_is_deleted_with_detach_even_when_others_own_its_contacts()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var member = api.As(team.Member);
        var company = await CreateCompanyAsync(member);
        var managersContact = await CreateContactAsync(api.As(team.Manager), company);

        (await member.DeleteAsync($"{Companies}/{company}?detach=true")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await member.GetAsync($"/api/v1/contacts/{managersContact}"))["company_id"].ShouldBeNull();
    }

    [Test]
    public async Task Company_writes_are_audited_with_their_field_and_address_changes()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var asOwner = api.As(owner);
        var created = await asOwner.PostAsync(Companies, new { name = "Acme", address = new { city = "Paris", country = "FR" } });
        var id = created["id"]!;

        (await asOwner.PatchAsync($"{Companies}/{id}", new { name = "Acme SA", address = new { city = "Lyon", country = "FR" } })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.DeleteAsync($"{Companies}/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var entries = (await asOwner.GetAsync($"/api/v1/audit-logs?entity_id={id}")).Json["items"]!.AsArray();
        entries.Select(e => (string?)e!["action"]).ShouldBe(["delete_company", "update_company", "create_company"]);
        entries.ShouldAllBe(e => (string?)e!["entity_type"] == "company");
        var update = entries[1]!["changes"]!.AsArray().Select(c => $"{(string?)c!["field"]}: {(string?)c["from"]} -> {(string?)c["to"]}").ToList();
        update.ShouldBe(["name: Acme -> Acme SA", "address_city: Paris -> Lyon"], ignoreOrder: true);
        entries[2]!["changes"]!.AsArray().Select(c => (string?)c!["field"]).ShouldContain("address_country");
    }

    [Test]
    public async Task A_company_deleted_while_records_are_linked_to_it_in_parallel_refuses_one_side_with_a_code_never_a_5xx()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        for (var round = 0; round < 5; round++)
        {
            var company = await CreateCompanyAsync(asOwner, $"Acme {round}");
            var links = Enumerable.Range(0, 6).Select(i => asOwner.PostAsync("/api/v1/contacts", new { name = $"Ada {round}.{i}", company_id = company }));
            var deletion = asOwner.DeleteAsync($"{Companies}/{company}");

            var replies = await Task.WhenAll(links.Append(deletion));

            var deleted = replies[^1];
            foreach (var link in replies[..^1].Where(r => r.Status != HttpStatusCode.Created))
            {
                link.ShouldBeProblem(HttpStatusCode.BadRequest, "company_not_found");
            }

            if (deleted.Status == HttpStatusCode.NoContent)
            {
                ((int?)(await asOwner.GetAsync($"/api/v1/contacts?company_id={company}")).Json["total"]).ShouldBe(0);
            }
            else
            {
                deleted.ShouldBeProblem(HttpStatusCode.Conflict, "company_has_records");
                ((int?)(await asOwner.GetAsync($"{Companies}/{company}")).Json["contact_count"])
                    .ShouldBe(replies[..^1].Count(r => r.Status == HttpStatusCode.Created));
            }
        }
    }

    [Test]
    public async Task If_match_guards_a_companys_update_and_deletion()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var created = await asOwner.PostAsync(Companies, new { name = "Acme" });
        var path = $"{Companies}/{created["id"]}";
        var stale = created.Headers.ETag!.Tag;
        var changed = await asOwner.SendAsync(HttpMethod.Patch, path, new { name = "Acme 2" }, ("If-Match", stale));
        changed.Status.ShouldBe(HttpStatusCode.OK, changed.Text);
        changed.Headers.ETag!.Tag.ShouldNotBe(stale);
        (await asOwner.GetAsync(path)).Headers.ETag!.Tag.ShouldBe(changed.Headers.ETag.Tag);

        (await asOwner.SendAsync(HttpMethod.Patch, path, new { name = "Lost" }, ("If-Match", stale)))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await asOwner.SendAsync(HttpMethod.Delete, path, null, ("If-Match", stale)))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await asOwner.GetAsync(path))["name"].ShouldBe("Acme 2");
        (await asOwner.SendAsync(HttpMethod.Delete, path, null, ("If-Match", changed.Headers.ETag.Tag))).Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task A_company_read_is_never_answered_304_since_its_counts_change_without_it()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var created = await asOwner.PostAsync(Companies, new { name = "Acme" });
        var path = $"{Companies}/{created["id"]}";
        var etag = created.Headers.ETag!.Tag;
        await CreateContactAsync(asOwner, Guid.Parse(created["id"]!));

        var read = await asOwner.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", etag));

        read.Status.ShouldBe(HttpStatusCode.OK, read.Text);
        read.Headers.ETag!.Tag.ShouldBe(etag);
        ((int?)read.Json["contact_count"]).ShouldBe(1);
    }

    [Test]
    public async Task Companies_list_in_pages_by_name_filtered_by_domain_and_found_by_a_part_of_their_name_or_domain()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var zeta = await CreateCompanyAsync(asOwner, "Zeta Industries", "zeta.io");
        var alpha = await CreateCompanyAsync(asOwner, "alpha Société", "alpha-group.com");
        var beta = await CreateCompanyAsync(asOwner, "Beta", "beta.org");

        var byName = await asOwner.GetAsync($"{Companies}?order_by=name&page_size=2");
        byName.Status.ShouldBe(HttpStatusCode.OK, byName.Text);
        Ids(byName).ShouldBe([alpha.ToString(), beta.ToString()]);
        ((int?)byName.Json["total"]).ShouldBe(3);
        Ids(await asOwner.GetAsync($"{Companies}?domain=https://www.Zeta.io/&domain=beta.org")).Order().ShouldBe(new[] { zeta.ToString(), beta.ToString() }.Order());
        Ids(await asOwner.GetAsync($"{Companies}?search=SOCIETE")).ShouldBe([alpha.ToString()]);
        Ids(await asOwner.GetAsync($"{Companies}?search=group")).ShouldBe([alpha.ToString()]);
        (await asOwner.GetAsync($"{Companies}?order_by=domain")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        var first = await asOwner.GetAsync($"{Companies}?page_size=2");
        var next = await asOwner.GetAsync($"{Companies}?page_size=2&cursor={Uri.EscapeDataString(first["next_cursor"]!)}");
        Ids(first).Concat(Ids(next)).ShouldBe([zeta.ToString(), alpha.ToString(), beta.ToString()]);
    }

    [Test]
    public async Task Batches_of_contacts_and_deals_set_their_company_and_refuse_another_organizations()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner);
        var theirs = await CreateCompanyAsync(api.As(await api.RegisterAsync()), "Theirs");

        var contacts = await asOwner.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[]
            {
                new { external_id = "c-1", name = "Ada", company_id = acme },
                new { external_id = "c-2", name = "Grace", company_id = theirs },
            },
        });
        contacts.Status.ShouldBe(HttpStatusCode.OK, contacts.Text);
        var results = contacts.Json["items"]!.AsArray();
        ((string?)results[0]!["status"]).ShouldBe("created");
        ((string?)results[1]!["status"]).ShouldBe("failed");
        ((string?)results[1]!["code"]).ShouldBe("company_not_found");
        var ada = (string)results[0]!["id"]!;
        (await asOwner.GetAsync($"/api/v1/contacts/{ada}"))["company_id"].ShouldBe(acme.ToString());

        var deals = await asOwner.PostAsync("/api/v1/deals/batch", new
        {
            match_on = "external_id",
            items = new object[] { new { external_id = "d-1", contact_id = ada, title = "Inherited" } },
        });
        deals.Status.ShouldBe(HttpStatusCode.OK, deals.Text);
        var deal = (string)deals.Json["items"]![0]!["id"]!;
        (await asOwner.GetAsync($"/api/v1/deals/{deal}"))["company_id"].ShouldBe(acme.ToString());
        var moved = await asOwner.PostAsync("/api/v1/deals/batch", new
        {
            match_on = "external_id",
            items = new object[] { new { external_id = "d-1", company_id = (Guid?)null } },
        });
        ((string?)moved.Json["items"]![0]!["status"]).ShouldBe("updated", moved.Text);
        (await asOwner.GetAsync($"/api/v1/deals/{deal}"))["company_id"].ShouldBeNull();
    }

    [Test]
    public async Task The_change_feed_follows_companies_and_detached_records_with_their_type()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner);
        var ada = await CreateContactAsync(asOwner, acme);
        (await asOwner.PatchAsync($"{Companies}/{acme}", new { industry = "Tools" })).Status.ShouldBe(HttpStatusCode.OK);
        (await asOwner.DeleteAsync($"{Companies}/{acme}?detach=true")).Status.ShouldBe(HttpStatusCode.NoContent);

        var companies = await DrainAsync(asOwner, "company", 3);
        companies.Select(i => ((string)i["type"]!, (string)i["action"]!, (string)i["id"]!))
            .ShouldBe([("company", "created", acme.ToString()), ("company", "updated", acme.ToString()), ("company", "deleted", acme.ToString())]);
        ((string?)companies[0]["data"]).ShouldBeNull();
        var all = await DrainAsync(asOwner, null, 5);
        all.Select(i => ((string)i["type"]!, (string)i["action"]!)).ShouldBe(
            [("company", "created"), ("contact", "created"), ("company", "updated"), ("contact", "updated"), ("company", "deleted")]);
        ((string?)all[3]["data"]!["company_id"]).ShouldBeNull();
        ((string?)all[3]["id"]).ShouldBe(ada.ToString());
    }

    [Test]
    public async Task A_live_company_is_in_the_change_feed_as_its_get_shows_it()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner, "Acme", "acme.com");

        var items = await DrainAsync(asOwner, "company", 1);

        var data = items.ShouldHaveSingleItem()["data"]!;
        ((string?)data["id"]).ShouldBe(acme.ToString());
        ((string?)data["domain"]).ShouldBe("acme.com");
    }

    [Test]
    public async Task Companies_are_found_by_name_or_domain_and_by_a_near_spelling_with_their_own_facet_and_only_in_their_organization()
    {
        var api = NewApi();
        var asOwner = api.As(await api.RegisterAsync());
        var acme = await CreateCompanyAsync(asOwner, "Acmé Corporation", "acme-widgets.com");
        await CreateContactAsync(asOwner, acme, "Wile Coyote");
        await CreateCompanyAsync(api.As(await api.RegisterAsync()), "Acme Corporation", "acme.com");

        var byName = await asOwner.GetAsync("/api/v1/search?q=acme");
        byName.Status.ShouldBe(HttpStatusCode.OK, byName.Text);
        var hit = byName.Json["items"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)hit["type"]).ShouldBe("company");
        ((string?)hit["id"]).ShouldBe(acme.ToString());
        ((string?)hit["title"]).ShouldBe("Acmé Corporation");
        ((int?)byName.Json["facets"]!["company"]).ShouldBe(1);
        ((int?)byName.Json["facets"]!["contact"]).ShouldBe(0);

        var byDomain = await asOwner.GetAsync("/api/v1/search?q=acme-widgets.com&types=company");
        ((string?)byDomain.Json["items"]![0]!["id"]).ShouldBe(acme.ToString(), byDomain.Text);
        var typo = await asOwner.GetAsync("/api/v1/search?q=Acne%20Corporaton");
        ((string?)typo.Json["items"]![0]!["id"]).ShouldBe(acme.ToString(), typo.Text);
        ((int?)(await asOwner.GetAsync("/api/v1/search?q=acme&types=contact")).Json["total"]).ShouldBe(0);
    }

    /// <summary>Polls the feed (changes show once earlier transactions have ended) until <paramref name="expected"/> are read.</summary>
    private static async Task<List<JsonNode>> DrainAsync(Api api, string? types, int expected)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        for (var polls = 0; polls < 300 && items.Count < expected; polls++)
        {
            var query = new List<string>();
            if (cursor is not null)
            {
                query.Add($"cursor={Uri.EscapeDataString(cursor)}");
            }

            if (types is not null)
            {
                query.Add($"types={types}");
            }

            var page = await api.GetAsync("/api/v1/changes" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
            page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
            var read = page.Json["items"]!.AsArray().Select(i => i!).ToList();
            items.AddRange(read);
            cursor = page["next_cursor"];
            if (read.Count == 0)
            {
                await Task.Delay(10);
            }
        }

        return items;
    }
}
