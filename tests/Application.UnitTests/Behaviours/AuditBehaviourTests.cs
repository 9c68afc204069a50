using Crm.Application.Common.Auditing;
using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Messaging;
using Crm.Application.Deals.Commands.UpdateDeal;
using Moq;

namespace Crm.Application.UnitTests.Behaviours;

public sealed class AuditBehaviourTests
{
    public sealed record ReadSomething : IQuery<string>;

    [AuditAction("rename_something")]
    public sealed record RenameSomethingCommand : ICommand<string>;

    public sealed record UndeclaredCommand : ICommand<string>;

    [Test]
    public void Every_command_declares_its_own_audit_action_in_snake_case()
    {
        var commands = typeof(UpdateDealCommand).Assembly.GetTypes().Where(RequestKind.IsCommand).ToList();

        commands.Count.ShouldBeGreaterThan(20);
        var actions = commands.Select(AuditBehaviour<UpdateDealCommand, object>.ActionOf).ToList();
        actions.ShouldBeUnique();
        actions.ShouldAllBe(a => System.Text.RegularExpressions.Regex.IsMatch(a, "^[a-z]+(_[a-z]+)*$"));
        AuditBehaviour<UpdateDealCommand, object>.ActionOf(typeof(UpdateDealCommand)).ShouldBe("update_deal");
    }

    [Test]
    public void A_command_without_a_declared_action_is_refused() =>
        Should.Throw<InvalidOperationException>(() => AuditBehaviour<UndeclaredCommand, string>.ActionOf(typeof(UndeclaredCommand)));

    [Test]
    public async Task A_command_is_marked_for_the_audit_trail_before_it_runs()
    {
        var audit = new Mock<IAuditTrail>();
        var marked = false;
        audit.Setup(a => a.BeginCommand("rename_something")).Callback(() => marked = true);

        await new AuditBehaviour<RenameSomethingCommand, string>(audit.Object).Handle(
            new RenameSomethingCommand(), CancellationToken.None, () => Task.FromResult(marked ? "marked first" : "not marked"))
            .ContinueWith(t => t.Result.ShouldBe("marked first"));
    }

    [Test]
    public async Task A_query_is_not_audited()
    {
        var audit = new Mock<IAuditTrail>(MockBehavior.Strict);

        (await new AuditBehaviour<ReadSomething, string>(audit.Object).Handle(new ReadSomething(), CancellationToken.None, () => Task.FromResult("read")))
            .ShouldBe("read");
    }
}
