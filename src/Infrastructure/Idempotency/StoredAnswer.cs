namespace Crm.Infrastructure.Idempotency;

/// <summary>A kept answer: its status, the headers a client acts on (Location, ETag, Content-Type) and its body.</summary>
public sealed record StoredAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);
