using Crm.Application.Common.Auditing;
using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Messaging;
using Crm.Application.Deals.Commands.UpdateDeal;
using Moq;

namespace Crm.Application.UnitTests.Behaviours;

public sealed class AuditBehaviourTests
{
    public sealed record ReadSomething : IQuery<string>;

    public sealed record RenameSomethingCommand : ICommand<string>;

    [Test]
    public void A_commands_action_is_its_name_in_snake_case_without_the_suffix() =>
        AuditBehaviour<UpdateDealCommand, object>.ActionName(typeof(UpdateDealCommand)).ShouldBe("update_deal");

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
