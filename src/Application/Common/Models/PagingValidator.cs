using FluentValidation;

namespace Crm.Application.Common.Models;

/// <summary>The paging rules every list shares: page from 1 to 10,000, page size from 1 to 100.</summary>
public sealed class PagingValidator : AbstractValidator<IPagedRequest>
{
    public static PagingValidator Instance { get; } = new();

    public PagingValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Page).Equal(1).When(q => q.Cursor is not null).WithMessage("must not be combined with cursor");
    }
}
