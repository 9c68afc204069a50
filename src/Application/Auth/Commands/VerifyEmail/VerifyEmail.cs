using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users;
using MediatR;

namespace Crm.Application.Auth.Commands.VerifyEmail;

/// <summary>Proves an account's address with the token of the link emailed to it; the link works once.</summary>
[AuditAction("verify_email")]
public sealed record VerifyEmailCommand(string Token) : ICommand<Unit>;

public sealed class VerifyEmailCommandHandler(IRepository<User> users, TimeProvider time)
    : IRequestHandler<VerifyEmailCommand, Unit>
{
    public async Task<Unit> Handle(VerifyEmailCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByVerificationTokenSpecification(SecretTokens.Hash(request.Token)), cancellationToken)
            ?? throw new BusinessRuleException(ErrorCatalog.InvalidVerificationToken);
        user.VerifyEmail(time.UtcNow());
        return Unit.Value;
    }
}
