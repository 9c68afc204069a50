using Crm.Application.Tasks.Commands.CreateTask;
using Crm.Application.Tasks.Commands.UpdateTask;
using Crm.Application.Tasks.Queries.ListTasks;
using Crm.Domain.Common;

namespace Crm.Application.UnitTests.Tasks;

public sealed class TaskInputTests
{
    private static readonly Guid Deal = Guid.NewGuid();
    private static readonly Guid Contact = Guid.NewGuid();

    [Test]
    public void A_task_names_a_deal_or_a_contact_exactly()
    {
        Fields(new CreateTaskCommand(Deal, "Call", null, null)).ShouldBeEmpty();
        Fields(new CreateTaskCommand(null, "Call", null, null, Contact)).ShouldBeEmpty();
        Fields(new CreateTaskCommand(Deal, "Call", null, null, Contact)).ShouldBe(["ContactId"]);
        Fields(new CreateTaskCommand(null, "Call", null, null)).ShouldBe(["DealId", "ContactId"]);
        Fields(new CreateTaskCommand(Guid.Empty, "Call", null, null)).ShouldBe(["DealId"]);
    }

    [Test]
    public void A_task_may_name_a_company_instead_but_never_two_records()
    {
        var company = Guid.NewGuid();

        Fields(new CreateTaskCommand(null, "Call", null, null, CompanyId: company)).ShouldBeEmpty();
        Fields(new CreateTaskCommand(Deal, "Call", null, null, CompanyId: company)).ShouldBe(["CompanyId"]);
        Fields(new CreateTaskCommand(null, "Call", null, null, Contact, CompanyId: company)).ShouldBe(["CompanyId"]);
        Fields(new CreateTaskCommand(null, "Call", null, null, CompanyId: Guid.Empty)).ShouldBe(["CompanyId"]);
    }

    [Test]
    public void An_assignee_is_a_real_id_and_null_unassigns()
    {
        Fields(new CreateTaskCommand(Deal, "Call", null, null, AssigneeId: Guid.Empty)).ShouldBe(["AssigneeId"]);
        var validator = new UpdateTaskValidator();
        validator.Validate(Update(new Optional<Guid?>(true, Guid.Empty))).Errors.Select(e => e.PropertyName).ShouldBe(["AssigneeId"]);
        validator.Validate(Update(new Optional<Guid?>(true, null))).IsValid.ShouldBeTrue();
        validator.Validate(Update(default)).IsValid.ShouldBeTrue();
    }

    [TestCase("me", true)]
    [TestCase("ME", true)]
    [TestCase("none", true)]
    [TestCase("0193a5c2-8c2f-7d4b-8e3a-2b3c4d5e6f70", true)]
    [TestCase("someone", false)]
    [TestCase("", false)]
    public void The_assignee_filter_takes_me_none_or_an_id(string value, bool valid) =>
        new ListTasksValidator().Validate(new ListTasksQuery(AssigneeIds: [value])).IsValid.ShouldBe(valid);

    [TestCase(50, true)]
    [TestCase(51, false)]
    public void The_assignee_filter_is_bounded(int count, bool valid) =>
        new ListTasksValidator().Validate(new ListTasksQuery(AssigneeIds: Enumerable.Repeat("me", count).ToList())).IsValid.ShouldBe(valid);

    [TestCase(20, true)]
    [TestCase(21, false)]
    public void The_status_filter_is_bounded(int count, bool valid) =>
        new ListTasksValidator().Validate(new ListTasksQuery(Statuses: Enumerable.Repeat(TaskState.Overdue, count).ToList())).IsValid.ShouldBe(valid);

    private static List<string> Fields(CreateTaskCommand command) =>
        new CreateTaskValidator().Validate(command).Errors.Select(e => e.PropertyName).ToList();

    private static UpdateTaskCommand Update(Optional<Guid?> assignee) =>
        new(Guid.NewGuid(), default, default, default, default, assignee);
}
