using Crm.Application.Imports.Common;
using Crm.Infrastructure.Jobs;

namespace Crm.Infrastructure.Imports;

/// <summary>Wakes this instance's import runner when an import queued here has committed.</summary>
internal sealed class ImportSignal : WakeSignal, IImportSignal;
