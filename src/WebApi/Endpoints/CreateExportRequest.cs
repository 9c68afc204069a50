using System.Text.Json;
using Crm.Domain.Exports;

namespace Crm.WebApi.Endpoints;

/// <summary>
/// What to export: <c>record_type</c> (contacts, companies, deals, tasks, activities), <c>format</c> (csv, json, xlsx) and
/// <c>filters</c>, the list endpoint's query parameters as an object, e.g. <c>{"status": ["won"], "min_amount": 1000}</c>.
/// </summary>
public sealed record CreateExportRequest(ExportRecordType RecordType, ExportFormat Format, JsonElement? Filters = null);
