using Crm.Application.Changes.Common;
using Crm.Application.Companies.Common;
using Crm.Application.Contacts.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Tasks.Common;
using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Crm.WebApi.OpenApi;

/// <summary>
/// A change's <c>data</c> is one of the record types as their single GET shows them (by the change's <c>type</c>), or
/// null once the record is deleted; the code holds it as an object, the document names the three shapes.
/// </summary>
internal sealed class ChangeDataSchemaProcessor : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        if (context.ContextualType.Type != typeof(ChangeDto)
            || !context.Schema.Properties.TryGetValue("data", out var data))
        {
            return;
        }

        data.Type = JsonObjectType.Object;
        data.IsNullableRaw = true;
        data.Description = "The record now, as GET /contacts/{id}, /deals/{id}, /tasks/{id} or /companies/{id} (without its counts) shows it (by `type`); null once it is deleted.";
        foreach (var type in new[] { typeof(ContactDto), typeof(DealDto), typeof(TaskDto), typeof(CompanyDto) })
        {
            data.OneOf.Add(context.Generator.GenerateWithReference<JsonSchema>(type.ToContextualType(), context.Resolver));
        }
    }
}
