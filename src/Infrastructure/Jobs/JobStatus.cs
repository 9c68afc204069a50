namespace Crm.Infrastructure.Jobs;

/// <summary>The last run of a background job, for the readiness report.</summary>
public sealed class JobStatus
{
    public DateTime? LastSuccess { get; private set; }

    public string? LastError { get; private set; }

    public void Succeeded(DateTime at)
    {
        LastSuccess = at;
        LastError = null;
    }

    public void Failed(string error) => LastError = error;
}
