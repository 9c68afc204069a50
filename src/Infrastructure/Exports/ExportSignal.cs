using Crm.Application.Exports.Common;
using Crm.Infrastructure.Jobs;

namespace Crm.Infrastructure.Exports;

/// <summary>Wakes this instance's export runner when an export queued here has committed.</summary>
internal sealed class ExportSignal : WakeSignal, IExportSignal;
