using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>A demo user the seed creates, with its role in the demo organization.</summary>
public sealed record DemoUser(string Email, string Name, MemberRole Role);

/// <summary>
/// Creates the demo organization, one user of each role, and a small pipeline of contacts, deals and tasks, through
/// the domain's own methods (so the deals' timelines are written too).
/// </summary>
public sealed class DemoSeeder(CrmDbContext db, IPasswordHasher hasher, TimeProvider time)
{
    public const string OrganizationName = "Acme Demo";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("owner@demo.crm.test", "Olivia Owner", MemberRole.Owner),
        new("admin@demo.crm.test", "Adam Admin", MemberRole.Admin),
        new("manager@demo.crm.test", "Mia Manager", MemberRole.Manager),
        new("member@demo.crm.test", "Max Member", MemberRole.Member),
    ];

    public async Task<bool> DatabaseIsEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Users.AnyAsync(cancellationToken);

    public async Task SeedAsync(string password, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var hash = hasher.Hash(password);
        var users = Users.Select(u => (Demo: u, Entity: User.Register(u.Email, u.Name, hash, now))).ToList();
        var owner = users[0].Entity;
        var organization = Organization.Create(OrganizationName, "USD", owner.Id, now);
        var actor = new Actor(owner.Id, MemberRole.Owner);
        foreach (var (demo, user) in users.Skip(1))
        {
            organization.AddMember(actor, user.Id, demo.Role, now);
        }

        db.Users.AddRange(users.Select(u => u.Entity));
        db.Organizations.Add(organization);
        AddPipeline(organization.Id, users.ToDictionary(u => u.Demo.Role, u => u.Entity.Id), now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A few contacts and deals at every point of the pipeline, moved there through the deals' own rules.</summary>
    private void AddPipeline(Guid organizationId, Dictionary<MemberRole, Guid> users, DateTime now)
    {
        var owner = new Actor(users[MemberRole.Owner], MemberRole.Owner);
        var today = DateOnly.FromDateTime(now);
        Contact NewContact(string name, string email, string phone, MemberRole ownerRole) =>
            Contact.Create(organizationId, owner, users[ownerRole], name, email, phone, now);

        var contacts = new[]
        {
            NewContact("Ada Lovelace", "ada@analytical.example", "+44 20 7946 0001", MemberRole.Member),
            NewContact("Grace Hopper", "grace@cobol.example", "+1 (202) 555-0143", MemberRole.Manager),
            NewContact("Alan Turing", "alan@bletchley.example", "+44 20 7946 0002", MemberRole.Member),
            NewContact("Katherine Johnson", "katherine@orbit.example", "+1 (757) 555-0199", MemberRole.Admin),
            NewContact("José Müller", "jose@acentos.example", "+49 30 1234567", MemberRole.Manager),
        };
        db.Contacts.AddRange(contacts);

        Deal NewDeal(Contact contact, string title, decimal amount, string currency, DealStage stage, DealStatus status)
        {
            var deal = Deal.Open(organizationId, owner, contact.Id, title, amount, currency, DealStage.Qualification, contact.OwnerId, now);
            if (stage is not DealStage.Qualification and not DealStage.Closed)
            {
                deal.Change(owner, new DealChanges(Stage: stage), now);
            }

            if (status != DealStatus.New)
            {
                deal.Change(owner, new DealChanges(Status: status), now);
            }

            return deal;
        }

        var deals = new[]
        {
            NewDeal(contacts[0], "Difference engine service plan", 12000m, "GBP", DealStage.Qualification, DealStatus.New),
            NewDeal(contacts[1], "Compiler training", 8500m, "USD", DealStage.Proposal, DealStatus.InProgress),
            NewDeal(contacts[2], "Codebreaking consultancy", 45000m, "GBP", DealStage.Negotiation, DealStatus.InProgress),
            NewDeal(contacts[3], "Trajectory analysis", 23000m, "USD", DealStage.Negotiation, DealStatus.Won),
            NewDeal(contacts[4], "Localization audit", 5400m, "EUR", DealStage.Proposal, DealStatus.Lost),
        };
        db.Deals.AddRange(deals);
        db.Tasks.AddRange(
            DealTask.Create(deals[1], owner, "Send the training outline", null, today.AddDays(3), today, now),
            DealTask.Create(deals[2], owner, "Prepare the contract draft", "Include the confidentiality annex.", today.AddDays(7), today, now));
    }
}
