using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Security;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Data.Interceptors;
using Crm.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.IntegrationTests;

/// <summary>
/// A record's unique keys (a contact's email and external id, a deal's external id, a company's domain) are kept by the
/// database's unique indexes alone, with no read before the write: the unit of work turns a violation into the conflict
/// with the key's own code, and the refused change writes nothing.
/// </summary>
public sealed class UniqueKeyConflictTests
{
    private TestDatabase _database = null!;
    private Guid _organization;
    private Guid _other;
    private Actor _owner;

    [OneTimeSetUp]
    public async Task TwoOrganizations()
    {
        _database = await TestDatabase.CreateAsync("crm_test_unique_keys");
        await using var db = Context();
        var now = DateTime.UtcNow;
        var user = User.Register($"owner-{Guid.NewGuid():N}@example.com", "Owner", "hash", now);
        var first = Organization.Create("first", "USD", user.Id, now);
        var second = Organization.Create("second", "USD", user.Id, now);
        db.AddRange(user, first, second);
        await db.SaveChangesAsync();
        (_organization, _other, _owner) = (first.Id, second.Id, new Actor(user.Id, MemberRole.Owner));
    }

    [OneTimeTearDown]
    public async Task DropConnections() => await _database.DisposeAsync();

    [Test]
    public async Task A_contact_email_another_contact_has_in_any_case_is_contact_email_taken_and_nothing_is_written()
    {
        await SaveAsync(Contact("ada@example.com"));

        var error = await Should.ThrowAsync<ConflictException>(() => SaveAsync(Contact("ADA@Example.com", name: "Ada twice")));

        error.Code.ShouldBe("contact_email_taken");
        await using var db = Context();
        (await db.Contacts.IgnoreQueryFilters().CountAsync(c => c.Name == "Ada twice")).ShouldBe(0);
        await SaveAsync(Contact("ada@example.com", organization: _other));
    }

    [Test]
    public async Task An_external_id_another_record_of_the_same_type_has_is_external_id_taken()
    {
        await SaveAsync(Contact(null, externalId: "ext-1"));
        var contact = Contact(null, externalId: "ext-2");
        await SaveAsync(contact);
        await SaveAsync(Deal(contact.Id, "ext-1"));

        (await Should.ThrowAsync<ConflictException>(() => SaveAsync(Contact(null, externalId: "ext-1")))).Code.ShouldBe("external_id_taken");
        (await Should.ThrowAsync<ConflictException>(() => SaveAsync(Deal(contact.Id, "ext-1")))).Code.ShouldBe("external_id_taken");
        await SaveAsync(Contact(null, externalId: "EXT-1"));
    }

    [Test]
    public async Task A_company_domain_another_company_has_once_normalised_is_company_domain_taken()
    {
        await SaveAsync(Company("acme.com"));

        (await Should.ThrowAsync<ConflictException>(() => SaveAsync(Company("https://WWW.Acme.com/about")))).Code.ShouldBe("company_domain_taken");
        await SaveAsync(Company("acme.com", organization: _other));
    }

    private Contact Contact(string? email, string name = "Ada", string? externalId = null, Guid? organization = null) =>
        Domain.Contacts.Contact.Create(organization ?? _organization, _owner, null, name, email, null, DateTime.UtcNow, externalId);

    private Deal Deal(Guid contactId, string externalId) =>
        Domain.Deals.Deal.Open(_organization, _owner, contactId, "Deal", 100m, "USD", DealStage.Qualification, null, DateTime.UtcNow, externalId);

    private Company Company(string domain, Guid? organization = null) =>
        Domain.Companies.Company.Create(organization ?? _organization, _owner, null, new CompanyDetails("Acme", domain), DateTime.UtcNow);

    private async Task SaveAsync(object record)
    {
        await using var db = Context();
        var unitOfWork = new UnitOfWork(db, new WritePreconditions());
        await unitOfWork.ExecuteInTransactionAsync(
            _ =>
            {
                db.Add(record);
                return Task.FromResult(0);
            },
            CancellationToken.None);
    }

    private CrmDbContext Context()
    {
        var options = new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(_database.DataSource)
            .AddInterceptors(new TenantGuardInterceptor())
            .Options;
        return new CrmDbContext(options, new RequestContext());
    }
}
