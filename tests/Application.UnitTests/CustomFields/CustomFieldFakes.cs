using Crm.Application.Common.Interfaces;
using Crm.Application.CustomFields.Common;
using Crm.Application.CustomFields.Queries.ListCustomFields;
using MediatR;
using Moq;

namespace Crm.Application.UnitTests.CustomFields;

/// <summary>The custom field services of handlers, over an organization with the given definitions (none by default).</summary>
public static class CustomFieldFakes
{
    public static Mock<IMediator> Definitions(params CustomFieldDto[] definitions)
    {
        var mediator = new Mock<IMediator>();
        mediator.Setup(m => m.Send(It.IsAny<ListCustomFieldsQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ListCustomFieldsQuery q, CancellationToken _) =>
                new CustomFieldList([.. definitions.Where(d => q.RecordType is null || d.RecordType == q.RecordType)]));
        return mediator;
    }

    public static CustomFieldInput Input(IReadStore store, params CustomFieldDto[] definitions) =>
        new(Definitions(definitions).Object, store);

    public static CustomFieldListing Listing(params CustomFieldDto[] definitions) =>
        new(Definitions(definitions).Object, Mock.Of<ICustomFieldFilters>());
}
