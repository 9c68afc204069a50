using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Attachments.Queries.ListAttachments;

public sealed class ListAttachmentsValidator : AbstractValidator<ListAttachmentsQuery>
{
    public ListAttachmentsValidator() => Include(PagingValidator.Instance);
}
