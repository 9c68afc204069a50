using Crm.Application.Common.Validation;
using FluentValidation;
using MediatR;
using ValidationException = Crm.Application.Common.Exceptions.ValidationException;

namespace Crm.Application.Common.Behaviours;

/// <summary>Runs every validator of the request (its text first) and refuses it with all failures at once.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();

        // Text that storage would refuse stops the request before any other rule reads it.
        foreach (var validator in validators.OrderBy(v => v is TextInputValidator<TRequest> ? 0 : 1))
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
            if (failures.Count > 0 && validator is TextInputValidator<TRequest>)
            {
                break;
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}
