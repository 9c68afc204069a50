namespace Crm.Application.Imports.Queries.GetImportErrors;

/// <summary>An import's errors file: its name, and how to write it to the answer as it is read.</summary>
public sealed record ImportErrorsDownload(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);
