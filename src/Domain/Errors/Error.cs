namespace Crm.Domain.Errors;

/// <summary>
/// One entry of the <see cref="ErrorCatalog"/>: the stable snake_case code clients rely on, its kind (and so its
/// HTTP status) and a title that is the same for every occurrence; what differs goes into a problem's detail.
/// </summary>
public sealed record Error(string Code, ErrorKind Kind, string Title)
{
    public int Status => (int)Kind;

    /// <summary>
    /// The same code answered as invalid input, for a record id named in a request's body or query rather than in its
    /// path: such an id that is not in the organization is a 400 with the record's not-found code.
    /// </summary>
    public Error AsReference(string title) => AsInvalidInput(title);

    /// <summary>The same code answered as invalid input (400), where its own status would mislead the client.</summary>
    public Error AsInvalidInput(string title) => this with { Kind = ErrorKind.Invalid, Title = title };
}
