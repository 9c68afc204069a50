using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Transactions;
using Crm.Domain.Attachments;

namespace Crm.Application.Attachments.Common;

/// <summary>Removes the stored files of a record that is being deleted, once the deletion commits.</summary>
public static class RecordFiles
{
    public static async Task RemoveAfterCommitAsync(
        this IReadStore store, IFileStorage storage, ITransactionOutcome outcome, Guid? contactId, Guid? dealId, CancellationToken ct)
    {
        var keys = await store.ToListAsync(
            store.Query<Attachment>().Where(a => (contactId != null && a.ContactId == contactId) || (dealId != null && a.DealId == dealId)).Select(a => a.StorageKey),
            ct);
        foreach (var key in keys)
        {
            outcome.AfterCommit(c => storage.DeleteAsync(key, c));
        }
    }
}
