using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Operations;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>organizations list|show|set-plan|suspend|resume</c>: the operator's view of the tenants, and the changes only the
/// operator may make (a plan, a suspension), each written to the organization's audit log with the operator as actor.
/// </summary>
public static class OrganizationsCommand
{
    public static Command Create()
    {
        var command = new Command("organizations", "List and inspect organizations; change a plan; suspend or resume one.");

        var list = new Command("list", "Every organization, newest first: id, plan, state, members, name.");
        list.SetAction((parse, ct) => Guarded(parse, () => ListAsync(ct)));
        command.Subcommands.Add(list);

        var showId = IdArgument();
        var show = new Command("show", "One organization: plan, state, owners and how many records it holds.") { showId };
        show.SetAction((parse, ct) => Guarded(parse, () => ShowAsync(parse.GetValue(showId), ct)));
        command.Subcommands.Add(show);

        var planId = IdArgument();
        var plan = new Argument<string>("plan") { Description = "free, pro or enterprise." };
        plan.AcceptOnlyFromAmong("free", "pro", "enterprise");
        var setPlan = new Command("set-plan", "Move an organization to another plan (its rate limits follow at once).") { planId, plan };
        setPlan.SetAction((parse, ct) => Guarded(parse, () => ChangeAsync(parse.GetValue(planId), async (o, id) =>
            await o.ChangePlanAsync(id, Enum.Parse<OrganizationPlan>(parse.GetValue(plan)!, ignoreCase: true), ct)
                ? $"Organization {id} is now on the {parse.GetValue(plan)} plan."
                : $"Organization {id} was already on the {parse.GetValue(plan)} plan; nothing changed.")));
        command.Subcommands.Add(setPlan);

        var suspendId = IdArgument();
        var suspend = new Command("suspend", "Shut an organization's members and API keys out (403 organization_suspended); its data stays.") { suspendId };
        suspend.SetAction((parse, ct) => Guarded(parse, () => ChangeAsync(parse.GetValue(suspendId), async (o, id) =>
        {
            await o.SuspendAsync(id, ct);
            return $"Organization {id} is suspended.";
        })));
        command.Subcommands.Add(suspend);

        var resumeId = IdArgument();
        var resume = new Command("resume", "Let a suspended organization's members in again.") { resumeId };
        resume.SetAction((parse, ct) => Guarded(parse, () => ChangeAsync(parse.GetValue(resumeId), async (o, id) =>
        {
            await o.ResumeAsync(id, ct);
            return $"Organization {id} is resumed.";
        })));
        command.Subcommands.Add(resume);
        return command;
    }

    private static Argument<Guid> IdArgument() => new("id") { Description = "The organization's id." };

    private static async Task<int> Guarded(ParseResult parse, Func<Task<int>> run)
    {
        if (parse.UnmatchedTokens.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run organizations --help for the commands.");
            return CrmCommandLine.BadArguments;
        }

        return await run();
    }

    private static async Task<int> ListAsync(CancellationToken ct)
    {
        await using var app = CrmHost.CreateBuilder([]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        var organizations = await scope.ServiceProvider.GetRequiredService<OrganizationOperator>().ListAsync(ct);
        Console.WriteLine($"{"id",-36}  {"plan",-10}  {"state",-9}  {"members",7}  name");
        foreach (var o in organizations)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{o.Id,-36}  {PlanName(o.Plan),-10}  {(o.SuspendedAt is null ? "active" : "suspended"),-9}  {o.Members,7}  {o.Name}"));
        }

        Console.WriteLine($"{organizations.Count} organization(s).");
        return 0;
    }

    private static async Task<int> ShowAsync(Guid id, CancellationToken ct)
    {
        await using var app = CrmHost.CreateBuilder([]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<OrganizationOperator>().FindAsync(id, ct) is not { } details)
        {
            await Console.Error.WriteLineAsync($"No organization has the id {id}.");
            return 1;
        }

        var o = details.Summary;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            id:        {o.Id}
            name:      {o.Name}
            plan:      {PlanName(o.Plan)}
            state:     {(o.SuspendedAt is { } at ? $"suspended since {at:yyyy-MM-ddTHH:mm:ssZ}" : "active")}
            created:   {o.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}
            members:   {o.Members}
            owners:    {string.Join(", ", details.OwnerEmails)}
            contacts:  {details.Contacts}
            companies: {details.Companies}
            deals:     {details.Deals}
            api keys:  {details.ApiKeys} active
            """));
        return 0;
    }

    private static async Task<int> ChangeAsync(Guid id, Func<OrganizationOperator, Guid, Task<string>> change)
    {
        await using var app = CrmHost.CreateBuilder([]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            Console.WriteLine(await change(scope.ServiceProvider.GetRequiredService<OrganizationOperator>(), id));
            return 0;
        }
        catch (KeyNotFoundException missing)
        {
            await Console.Error.WriteLineAsync(missing.Message);
            return 1;
        }
        catch (BusinessRuleException broken)
        {
            await Console.Error.WriteLineAsync($"{broken.Error.Code}: {broken.Error.Title}");
            return 1;
        }
    }

    private static string PlanName(OrganizationPlan plan) => JsonNamingPolicy.SnakeCaseLower.ConvertName(plan.ToString());
}
