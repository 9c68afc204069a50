using Crm.Application.Common.Interfaces;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>A demo user the seed creates, with its role in the demo organization.</summary>
public sealed record DemoUser(string Email, string Name, MemberRole Role);

/// <summary>Creates the demo organization and one user of each role, through the domain's own methods.</summary>
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
        await db.SaveChangesAsync(cancellationToken);
    }
}
