namespace Crm.Domain.Changes;

public enum ChangeAction
{
    Created,
    Updated,
    Deleted,
}
