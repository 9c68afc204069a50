namespace Crm.Infrastructure.Identity;

/// <summary>Why a request's API key was refused (a request feature), for the 401 problem's detail.</summary>
public sealed record ApiKeyFailure(string Detail);
