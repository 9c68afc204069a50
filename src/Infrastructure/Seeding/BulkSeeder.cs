using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Crm.Application.Activities.Common;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Activities;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Crm.Infrastructure.Seeding;

/// <summary>How much to seed, per organization, and from which random seed.</summary>
public sealed record SeedOptions(
    int Organizations = 1,
    int Users = 4,
    int Contacts = 20,
    int Deals = 30,
    int Tasks = 20,
    int Activities = 150,
    int RandomSeed = 42,
    string Password = SeedOptions.DevelopmentPassword)
{
    /// <summary>The demo users' password: a development default, printed by the seed command.</summary>
    public const string DevelopmentPassword = "demo-password-2026";
}

public sealed record SeedProgress(string Stage, long Done, long Total);

public sealed record SeededUser(string Email, MemberRole Role, string Organization);

public sealed record SeedResult(IReadOnlyList<SeededUser> Users, long Rows, TimeSpan Elapsed);

/// <summary>
/// Seeds realistic, deterministic data (Bogus, one random seed). Every record is made by the domain's own
/// factories and transitions, so the data obeys every rule and each deal's timeline matches its history; the
/// records are then written with PostgreSQL's binary COPY, all in one transaction.
/// </summary>
public sealed class BulkSeeder(NpgsqlDataSource dataSource, IPasswordHasher hasher)
{
    private const int Batch = 20_000;
    private static readonly string[] Currencies = ["USD", "USD", "USD", "EUR", "EUR", "GBP"];

    /// <summary>A small vocabulary, so that tag filters and counts have something to find on every record type.</summary>
    private static readonly string[] TagVocabulary =
        ["VIP", "Partner", "Newsletter", "Enterprise", "SMB", "Renewal", "Churn risk", "Referral", "Event 2026", "Inbound"];
    private static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<bool> DatabaseIsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT NOT EXISTS (SELECT 1 FROM users)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<SeedResult> SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM organizations", connection, transaction);
        var existing = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        var passwordHash = hasher.Hash(options.Password);
        var writer = new CopyWriter(connection, progress);
        var users = new List<SeededUser>();
        for (var i = 1; i <= options.Organizations; i++)
        {
            var number = (int)existing + i;
            users.AddRange(await SeedOrganizationAsync(writer, number, options, passwordHash, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return new SeedResult(users, writer.Rows, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<IReadOnlyList<SeededUser>> SeedOrganizationAsync(
        CopyWriter writer, int number, SeedOptions options, string passwordHash, CancellationToken ct)
    {
        var faker = new Faker { Random = new Randomizer((options.RandomSeed * 7919) + number) };
        var start = End.AddDays(-365);
        var label = number == 1 ? "Acme Demo" : $"{faker.Company.CompanyName()} ({number})";
        var domain = number == 1 ? "demo.crm.test" : $"org{number}.demo.crm.test";

        // Members: an owner, an admin, a manager, then members.
        var roleCounts = new Dictionary<MemberRole, int>();
        var people = Enumerable.Range(0, Math.Max(1, options.Users)).Select(i =>
        {
            var role = i switch { 0 => MemberRole.Owner, 1 => MemberRole.Admin, 2 => MemberRole.Manager, _ => MemberRole.Member };
            var n = roleCounts[role] = roleCounts.GetValueOrDefault(role) + 1;
            var email = $"{role.ToString().ToLowerInvariant()}{(n > 1 ? n : string.Empty)}@{domain}";
            return (Role: role, User: User.Register(email, faker.Name.FullName(), passwordHash, start));
        }).ToList();
        var owner = new Actor(people[0].User.Id, MemberRole.Owner);
        var organization = Organization.Create(label, "USD", owner.UserId, start);
        foreach (var (role, user) in people.Skip(1))
        {
            organization.AddMember(owner, user.Id, role, start);
        }

        await writer.UsersAsync(people.Select(p => p.User).ToList(), ct);
        await writer.OrganizationAsync(organization, ct);

        // Companies (one per five contacts) draw from their own random stream, so the other records stay as they were.
        var companyFaker = new Faker { Random = new Randomizer((options.RandomSeed * 7919) + number + 104_729) };
        var companies = Companies(companyFaker, organization.Id, owner, people.Select(p => p.User.Id).ToList(), options.Contacts / 5, start);

        var contacts = Contacts(faker, organization.Id, owner, people.Select(p => p.User.Id).ToList(), options.Contacts, start);
        contacts = WithCompanies(companyFaker, contacts, companies);

        var activities = new List<Activity>();
        var deals = Deals(faker, owner, contacts, options.Deals, activities);

        // Custom fields draw from their own random stream too, so the records' other values stay as they were.
        var fieldFaker = new Faker { Random = new Randomizer((options.RandomSeed * 7919) + number + 224_737) };
        var fields = CustomFieldsOf(organization.Id, owner, start);
        await writer.CustomFieldsAsync(fields, ct);
        WithCustomFields(fieldFaker, companies, contacts, deals, people.Select(p => p.User.Id).ToList());
        await writer.CompaniesAsync(companies, ct);
        await writer.ContactsAsync(contacts, ct);
        await writer.DealsAsync(deals, ct);
        await writer.SortIndexesAsync(fields, ct);

        var tasks = Tasks(faker, owner, deals, options.Tasks, activities);
        await writer.TasksAsync(tasks, ct);

        // Comments on deals, and calls, meetings, notes and emails logged on deals, contacts and companies, fill the
        // timelines up to the number of entries asked for.
        for (var i = activities.Count; i < options.Activities && deals.Count > 0; i++)
        {
            var author = faker.PickRandom(people).User.Id;
            if (faker.Random.Bool(0.4f))
            {
                var deal = faker.PickRandom(deals);
                var payload = JsonSerializer.Serialize(new { text = faker.Lorem.Sentence(faker.Random.Int(4, 20)) });
                activities.Add(Activity.Record(
                    organization.Id, deal.Id, author, ActivityType.Comment, payload, Truncate(faker.Date.Between(deal.CreatedAt, End))));
            }
            else
            {
                activities.Add(LogActivity(faker, organization.Id, author, deals, contacts, companies));
            }
        }

        await writer.ActivitiesAsync(activities, ct);
        return people.Select(p => new SeededUser(p.User.Email, p.Role, label)).ToList();
    }

    /// <summary>Companies with unique domains, each owned by one of the members.</summary>
    private static List<Company> Companies(Faker faker, Guid organizationId, Actor owner, List<Guid> members, int count, DateTime start)
    {
        var domains = new HashSet<string>(StringComparer.Ordinal);
        var companies = new List<Company>(count);
        for (var i = 0; i < count; i++)
        {
            var name = faker.Company.CompanyName();
            var domain = faker.Internet.DomainName().ToLowerInvariant();
            if (!domains.Add(domain))
            {
                domain = $"c{i}-{domain}";
                domains.Add(domain);
            }

            companies.Add(Company.Create(
                organizationId,
                owner,
                faker.PickRandom(members),
                new CompanyDetails(
                    name,
                    faker.Random.Bool(0.9f) ? domain : null,
                    faker.Commerce.Department(),
                    faker.Random.Int(1, 5000),
                    $"https://{domain}",
                    faker.Random.Bool(0.5f) ? faker.Phone.PhoneNumber("+1 ###-###-####") : null,
                    new CompanyAddress(faker.Address.StreetAddress(), null, faker.Address.City(), null, faker.Address.ZipCode(), "US")),
                Truncate(faker.Date.Between(start, End)),
                Tags(faker)));
        }

        return companies;
    }

    /// <summary>A few custom fields per record type, as an organization might define them.</summary>
    private static List<CustomFieldDefinition> CustomFieldsOf(Guid organizationId, Actor owner, DateTime at)
    {
        CustomFieldDefinition Define(CustomFieldRecordType type, string key, string label, CustomFieldType fieldType, int position, string[]? options = null, string? currency = null) =>
            CustomFieldDefinition.Define(organizationId, owner, type, key, new CustomFieldShape(label, fieldType, options ?? [], currency, false, position), at);

        return
        [
            Define(CustomFieldRecordType.Contact, "tier", "Tier", CustomFieldType.Select, 0, ["gold", "silver", "bronze"]),
            Define(CustomFieldRecordType.Contact, "score", "Lead score", CustomFieldType.Number, 1),
            Define(CustomFieldRecordType.Contact, "next_call", "Next call", CustomFieldType.Date, 2),
            Define(CustomFieldRecordType.Contact, "interests", "Interests", CustomFieldType.MultiSelect, 3, ["product", "pricing", "support", "events"]),
            Define(CustomFieldRecordType.Company, "segment", "Segment", CustomFieldType.Select, 0, ["enterprise", "mid_market", "smb"]),
            Define(CustomFieldRecordType.Company, "annual_revenue", "Annual revenue", CustomFieldType.Currency, 1, currency: "USD"),
            Define(CustomFieldRecordType.Company, "account_manager", "Account manager", CustomFieldType.User, 2),
            Define(CustomFieldRecordType.Deal, "priority", "Priority", CustomFieldType.Select, 0, ["high", "medium", "low"]),
            Define(CustomFieldRecordType.Deal, "probability", "Win probability", CustomFieldType.Number, 1),
            Define(CustomFieldRecordType.Deal, "lead_source", "Lead source", CustomFieldType.Text, 2),
        ];
    }

    /// <summary>Values of those fields on most records, set through the records' own updates (no timeline: they were there from the start).</summary>
    private static void WithCustomFields(Faker faker, List<Company> companies, List<Contact> contacts, List<Deal> deals, List<Guid> members)
    {
        foreach (var company in companies)
        {
            var values = new Dictionary<string, object?>
            {
                ["segment"] = faker.PickRandom("enterprise", "mid_market", "smb"),
                ["annual_revenue"] = faker.Random.Bool(0.7f) ? Math.Round(faker.Random.Decimal(10_000, 50_000_000), 2) : null,
                ["account_manager"] = faker.Random.Bool(0.5f) ? faker.PickRandom(members).ToString() : null,
            };
            company.Update(new Actor(company.OwnerId, MemberRole.Owner), new CompanyChanges(CustomFields: values), company.UpdatedAt);
            company.ClearDomainEvents();
        }

        foreach (var contact in contacts.Where(_ => faker.Random.Bool(0.8f)))
        {
            var values = new Dictionary<string, object?>
            {
                ["tier"] = faker.PickRandom("gold", "silver", "silver", "bronze", "bronze", "bronze"),
                ["score"] = (decimal)faker.Random.Int(0, 1000),
                ["next_call"] = faker.Random.Bool(0.4f) ? faker.Date.Between(End.AddDays(-30), End.AddDays(90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                ["interests"] = faker.Random.Bool(0.5f) ? faker.PickRandom(new[] { "product", "pricing", "support", "events" }, faker.Random.Int(1, 3)).ToArray() : null,
            };
            contact.Update(new Actor(contact.OwnerId, MemberRole.Owner), new ContactChanges(CustomFields: values), contact.UpdatedAt);
            contact.ClearDomainEvents();
        }

        foreach (var deal in deals)
        {
            var values = new Dictionary<string, object?>
            {
                ["priority"] = faker.PickRandom("high", "medium", "low"),
                ["probability"] = (decimal)faker.Random.Int(0, 100),
                ["lead_source"] = faker.Random.Bool(0.6f) ? faker.PickRandom("Website", "Referral", "Trade fair", "Cold call", "Partner") : null,
            };
            var updatedAt = deal.UpdatedAt;
            deal.Change(new Actor(deal.OwnerId, MemberRole.Owner), new DealChanges(CustomFields: values), updatedAt);
            deal.ClearDomainEvents();
        }
    }

    /// <summary>None to three tags of the vocabulary.</summary>
    private static string[] Tags(Faker faker) => [.. faker.PickRandom(TagVocabulary, faker.Random.Int(0, 3))];

    /// <summary>Seven contacts in ten work for one of the companies, as created: the contact's own factory sets it.</summary>
    private static List<Contact> WithCompanies(Faker faker, List<Contact> contacts, List<Company> companies) =>
        companies.Count == 0
            ? contacts
            : contacts.Select(c => faker.Random.Bool(0.7f) ? WithCompany(c, faker.PickRandom(companies).Id) : c).ToList();

    private static Contact WithCompany(Contact contact, Guid companyId)
    {
        contact.Update(new Actor(contact.OwnerId, MemberRole.Owner), new ContactChanges(CompanyId: companyId), contact.UpdatedAt);
        contact.ClearDomainEvents();
        return contact;
    }

    /// <summary>Contacts with unique emails, each owned by one of the members.</summary>
    private static List<Contact> Contacts(Faker faker, Guid organizationId, Actor owner, List<Guid> members, int count, DateTime start)
    {
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contacts = new List<Contact>(count);
        for (var i = 0; i < count; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = faker.Internet.Email(first, last).ToLowerInvariant();
            if (!emails.Add(email))
            {
                email = $"{i}.{email}";
                emails.Add(email);
            }

            contacts.Add(Contact.Create(
                organizationId,
                owner,
                faker.PickRandom(members),
                $"{first} {last}",
                faker.Random.Bool(0.9f) ? email : null,
                faker.Random.Bool(0.7f) ? faker.Phone.PhoneNumber("+1 ###-###-####") : null,
                Truncate(faker.Date.Between(start, End)),
                tags: Tags(faker)));
        }

        return contacts;
    }

    /// <summary>Deals moved along the pipeline by the deal's own transitions; their events become the timeline.</summary>
    /// <summary>A call, meeting, note or email logged on a deal (and its records), a contact or a company.</summary>
    private static Activity LogActivity(
        Faker faker, Guid organizationId, Guid author, List<Deal> deals, List<Contact> contacts, List<Company> companies)
    {
        var type = faker.Random.WeightedRandom(
            [ActivityType.Call, ActivityType.Meeting, ActivityType.Note, ActivityType.Email], [0.4f, 0.2f, 0.3f, 0.1f]);
        var (links, since) = faker.Random.Int(0, 2) switch
        {
            0 when deals.Count > 0 => faker.PickRandom(deals) is var deal ? (TimelineLinks.OfDeal(deal), deal.CreatedAt) : default,
            1 when companies.Count > 0 => faker.PickRandom(companies) is var company ? (new ActivityLinks(null, null, company.Id), company.CreatedAt) : default,
            _ => faker.PickRandom(contacts) is var contact ? (new ActivityLinks(null, contact.Id, contact.CompanyId), contact.CreatedAt) : default,
        };
        var at = Truncate(faker.Date.Between(since, End));
        var details = new LoggedActivity(
            type == ActivityType.Note ? null : faker.Lorem.Sentence(faker.Random.Int(2, 6)),
            faker.Lorem.Sentences(faker.Random.Int(1, 3)),
            at.AddMinutes(-faker.Random.Int(0, 600)),
            type is ActivityType.Call or ActivityType.Meeting ? faker.Random.Int(5, 90) : null,
            type == ActivityType.Call ? faker.PickRandom("connected", "no_answer", "left_voicemail", "busy") : null);
        var activity = Activity.Log(organizationId, links, author, ActorType.User, type, details, [], at);
        activity.ClearDomainEvents();
        return activity;
    }

    private static List<Deal> Deals(Faker faker, Actor owner, List<Contact> contacts, int count, List<Activity> activities)
    {
        var deals = new List<Deal>(count);
        for (var i = 0; i < count && contacts.Count > 0; i++)
        {
            var contact = faker.PickRandom(contacts);
            var at = Truncate(faker.Date.Between(contact.CreatedAt, End));
            var deal = Deal.Open(
                contact.OrganizationId, owner, contact.Id, faker.Commerce.ProductName(),
                Math.Round(faker.Random.Decimal(500, 100_000), 2), faker.PickRandom(Currencies), DealStage.Qualification,
                contact.OwnerId, at, companyId: contact.CompanyId, tags: Tags(faker),
                expectedCloseDate: faker.Random.Bool(0.8f) ? DateOnly.FromDateTime(End).AddDays(faker.Random.Int(-30, 365)) : null);
            Record(deal, activities, at, TimelineLinks.OfDeal(deal));
            var stage = faker.PickRandom(DealStage.Qualification, DealStage.Proposal, DealStage.Negotiation);
            if (stage != DealStage.Qualification)
            {
                at = at.AddHours(faker.Random.Int(1, 240));
                deal.Change(owner, new DealChanges(Stage: stage), at);
                Record(deal, activities, at, TimelineLinks.OfDeal(deal));
            }

            var status = faker.Random.WeightedRandom(
                [DealStatus.New, DealStatus.InProgress, DealStatus.Won, DealStatus.Lost], [0.25f, 0.35f, 0.25f, 0.15f]);
            if (status != DealStatus.New)
            {
                at = at.AddHours(faker.Random.Int(1, 240));
                deal.Change(owner, new DealChanges(Status: status), at);
                Record(deal, activities, at, TimelineLinks.OfDeal(deal));
            }

            deals.Add(deal);
        }

        return deals;
    }

    /// <summary>Tasks on deals, due on or after the day they were made; about a third of them done.</summary>
    private static List<DealTask> Tasks(Faker faker, Actor owner, List<Deal> deals, int count, List<Activity> activities)
    {
        var tasks = new List<DealTask>(count);
        for (var i = 0; i < count && deals.Count > 0; i++)
        {
            var deal = faker.PickRandom(deals);
            var createdAt = Truncate(faker.Date.Between(deal.CreatedAt, End));
            var today = DateOnly.FromDateTime(createdAt);
            var task = DealTask.Create(
                deal,
                owner,
                $"{faker.Hacker.Verb()} {faker.Hacker.Noun()}",
                faker.Random.Bool(0.5f) ? faker.Lorem.Sentence() : null,
                faker.Random.Bool(0.8f) ? today.AddDays(faker.Random.Int(0, 60)) : null,
                today,
                createdAt);
            Record(task, activities, createdAt, TimelineLinks.OfDeal(deal));
            if (faker.Random.Bool(0.33f))
            {
                var doneAt = createdAt.AddHours(faker.Random.Int(1, 200));
                task.Update(deal, owner, new TaskChanges(IsDone: true), today, doneAt);
                Record(task, activities, doneAt, TimelineLinks.OfDeal(deal));
            }

            tasks.Add(task);
        }

        return tasks;
    }

    /// <summary>Turns the events the entity raised into its deal's timeline entries, in order.</summary>
    private static void Record(IHasDomainEvents source, List<Activity> activities, DateTime at, ActivityLinks links)
    {
        foreach (var domainEvent in source.DomainEvents)
        {
            if (TimelineEntry.For(domainEvent) is { } entry)
            {
                activities.Add((entry with { Links = links }).ToActivity(at));
                at = at.AddTicks(10);
            }
        }

        source.ClearDomainEvents();
    }

    private static DateTime Truncate(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    /// <summary>Writes records in batches with binary COPY, columns as the EF model maps them, and reports progress.</summary>
    private sealed class CopyWriter(NpgsqlConnection connection, IProgress<SeedProgress>? progress)
    {
        private static readonly IModel Model = CreateModel();
        private static readonly ConcurrentDictionary<Type, CopyTable> Tables = new();

        public long Rows { get; private set; }

        public Task UsersAsync(IReadOnlyList<User> users, CancellationToken ct) => CopyAsync("users", users, ct);

        public async Task OrganizationAsync(Organization organization, CancellationToken ct)
        {
            await CopyAsync("organizations", [organization], ct);
            await CopyAsync("memberships", organization.Memberships.ToList(), ct);
        }

        public Task CompaniesAsync(IReadOnlyList<Company> companies, CancellationToken ct) => CopyAsync("companies", companies, ct);

        public Task CustomFieldsAsync(IReadOnlyList<CustomFieldDefinition> fields, CancellationToken ct) => CopyAsync("custom fields", fields, ct);

        /// <summary>The indexes the service creates with each ordered field, built once the records are in.</summary>
        public async Task SortIndexesAsync(IReadOnlyList<CustomFieldDefinition> fields, CancellationToken ct)
        {
            foreach (var field in fields.Where(f => CustomFieldSortIndex.IsSorted(f.Type)))
            {
                await using var command = new NpgsqlCommand(CustomFieldSortIndex.Create(Model, field), connection);
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        public Task ContactsAsync(IReadOnlyList<Contact> contacts, CancellationToken ct) => CopyAsync("contacts", contacts, ct);

        public Task DealsAsync(IReadOnlyList<Deal> deals, CancellationToken ct) => CopyAsync("deals", deals, ct);

        public Task TasksAsync(IReadOnlyList<DealTask> tasks, CancellationToken ct) => CopyAsync("tasks", tasks, ct);

        public Task ActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken ct) =>
            CopyAsync("activities", activities, ct);

        private static IModel CreateModel()
        {
            // The model needs no connection; it is built once and shared, as EF does for every context.
            using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql().Options);
            return db.Model;
        }

        private async Task CopyAsync<T>(string stage, IReadOnlyList<T> rows, CancellationToken ct)
            where T : notnull
        {
            var table = Tables.GetOrAdd(typeof(T), type => CopyTable.For(Model.FindEntityType(type)!));
            for (var offset = 0; offset < rows.Count; offset += Batch)
            {
                await using (var importer = await connection.BeginBinaryImportAsync(table.Statement, ct))
                {
                    for (var i = offset; i < Math.Min(offset + Batch, rows.Count); i++)
                    {
                        await table.WriteRowAsync(importer, rows[i], ct);
                    }

                    await importer.CompleteAsync(ct);
                }

                var done = Math.Min(offset + Batch, rows.Count);
                Rows += done - offset;
                progress?.Report(new SeedProgress(stage, done, rows.Count));
            }
        }
    }
}
