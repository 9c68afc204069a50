using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using FluentValidation;
using Moq;
using ValidationException = Crm.Application.Common.Exceptions.ValidationException;

namespace Crm.Application.UnitTests.Behaviours;

public sealed class PipelineBehaviourTests
{
    public sealed record Rename(string Name) : ICommand<string>;

    public sealed record Read(string Name) : IQuery<string>;

    private sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(5);
    }

    private sealed class NoDigitsValidator : AbstractValidator<Rename>
    {
        public NoDigitsValidator() => RuleFor(r => r.Name).Must(n => !n.Any(char.IsDigit)).WithMessage("no digits");
    }

    [Test]
    public async Task Validation_refuses_the_request_with_every_validators_failures_and_never_runs_the_handler()
    {
        var handled = false;
        var behaviour = new ValidationBehaviour<Rename, string>([new RenameValidator(), new NoDigitsValidator()]);

        var error = await Should.ThrowAsync<ValidationException>(() => behaviour.Handle(
            new Rename("toolong1"), CancellationToken.None, () => { handled = true; return Task.FromResult("x"); }));

        handled.ShouldBeFalse();
        error.Errors["Name"].Length.ShouldBe(2);
    }

    [Test]
    public async Task Validation_passes_a_valid_request_on()
    {
        var behaviour = new ValidationBehaviour<Rename, string>([new RenameValidator()]);

        (await behaviour.Handle(new Rename("ok"), CancellationToken.None, () => Task.FromResult("handled"))).ShouldBe("handled");
    }

    [Test]
    public async Task A_command_runs_inside_the_unit_of_works_transaction()
    {
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork
            .Setup(u => u.ExecuteInTransactionAsync(It.IsAny<Func<CancellationToken, Task<string>>>(), It.IsAny<CancellationToken>()))
            .Returns((Func<CancellationToken, Task<string>> work, CancellationToken ct) => work(ct));

        var result = await new TransactionBehaviour<Rename, string>(unitOfWork.Object)
            .Handle(new Rename("a"), CancellationToken.None, () => Task.FromResult("handled"));

        result.ShouldBe("handled");
        unitOfWork.Verify(
            u => u.ExecuteInTransactionAsync(It.IsAny<Func<CancellationToken, Task<string>>>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Test]
    public async Task A_query_runs_without_a_transaction()
    {
        var unitOfWork = new Mock<IUnitOfWork>(MockBehavior.Strict);

        var result = await new TransactionBehaviour<Read, string>(unitOfWork.Object)
            .Handle(new Read("a"), CancellationToken.None, () => Task.FromResult("handled"));

        result.ShouldBe("handled");
    }
}
