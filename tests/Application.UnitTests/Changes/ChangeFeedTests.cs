using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Crm.Application.Changes.Common;
using Crm.Application.Changes.Queries.ListChanges;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Domain.Changes;
using Crm.Domain.Organizations;

namespace Crm.Application.UnitTests.Changes;

public sealed class ChangeFeedTests
{
    private static readonly Guid Organization = Guid.NewGuid();

    private static readonly ISecretProtector Protector = new OwnerPrefixProtector();

    /// <summary>Binds a plaintext to its owner without encrypting it; enough to tell a foreign or altered cursor.</summary>
    private sealed class OwnerPrefixProtector : ISecretProtector
    {
        public byte[] Protect(byte[] secret, Guid ownerId) => [.. ownerId.ToByteArray(), .. secret];

        public byte[] Unprotect(byte[] ciphertext, Guid ownerId) =>
            ciphertext.Length >= 16 && ciphertext.AsSpan(0, 16).SequenceEqual(ownerId.ToByteArray())
                ? ciphertext[16..]
                : throw new CryptographicException("Another owner's.");
    }

    /// <summary>A feed row as the database writes it (the application never creates one).</summary>
    private static RecordChange Row(ulong transaction, long sequence, ChangedRecordType type = ChangedRecordType.Contact, Guid? organization = null)
    {
        var row = (RecordChange)RuntimeHelpers.GetUninitializedObject(typeof(RecordChange));
        void Set(string name, object value) => typeof(RecordChange).GetProperty(name)!.SetValue(row, value);
        Set(nameof(RecordChange.TransactionId), transaction);
        Set(nameof(RecordChange.Sequence), sequence);
        Set(nameof(RecordChange.RecordType), type);
        Set(nameof(RecordChange.RecordId), Guid.NewGuid());
        Set(nameof(RecordChange.OrganizationId), organization ?? Organization);
        Set(nameof(RecordChange.Action), ChangeAction.Created);
        Set(nameof(RecordChange.ChangedAt), DateTime.UtcNow);
        return row;
    }

    private static ChangeFeedPurgeMark Mark(ulong transaction, long sequence, ChangedRecordType type)
    {
        var mark = (ChangeFeedPurgeMark)RuntimeHelpers.GetUninitializedObject(typeof(ChangeFeedPurgeMark));
        foreach (var (name, value) in new (string, object)[]
                 {
                     (nameof(ChangeFeedPurgeMark.OrganizationId), Organization), (nameof(ChangeFeedPurgeMark.RecordType), type),
                     (nameof(ChangeFeedPurgeMark.TransactionId), transaction), (nameof(ChangeFeedPurgeMark.Sequence), sequence),
                 })
        {
            typeof(ChangeFeedPurgeMark).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.SetValue(mark, value);
        }

        return mark;
    }

    private static ListChangesQueryHandler Handler(InMemoryReadStore store)
    {
        var context = new RequestContext();
        context.SetUser(Guid.NewGuid(), Guid.NewGuid());
        context.SetOrganization(Organization, MemberRole.Member);
        return new ListChangesQueryHandler(store, context, MappingProfile.CreateMapper(), Protector);
    }

    [Test]
    public void A_cursor_survives_sealing_exactly_and_opens_only_for_its_organization()
    {
        var cursor = new ChangeFeedCursor(
            new ChangeFeedPosition(ulong.MaxValue, long.MaxValue),
            new ChangeFeedFloors(new ChangeFeedPosition(1, 2), default, new ChangeFeedPosition(5, 6), new ChangeFeedPosition(7, 8)),
            "abc_-");

        ChangeFeedCursor.Open(cursor.Seal(Protector, Organization), Protector, Organization).ShouldBe(cursor);
        Should.Throw<InvalidInputException>(() => ChangeFeedCursor.Open(cursor.Seal(Protector, Organization), Protector, Guid.NewGuid()))
            .Code.ShouldBe("invalid_cursor");
    }

    [TestCase("")]
    [TestCase("%%%")]
    [TestCase("YzMuMTIzLnh5ei4wLmE")]
    public void Anything_not_sealed_by_the_service_is_refused_as_invalid_cursor(string value)
    {
        Should.Throw<InvalidInputException>(() => ChangeFeedCursor.Open(value, Protector, Organization)).Code.ShouldBe("invalid_cursor");
    }

    [TestCase("f2.1.2.0.0.0.0.0.0.0.0")]
    [TestCase("f2.-1.2.0.0.0.0.0.0.0.0.b")]
    [TestCase("f1.1.2.0.0.0.0.0.0.b")]
    [TestCase("f2.1.2.0.0.0.0.0.0.b")]
    [TestCase("f2.1.2.b")]
    public void A_sealed_text_of_another_shape_is_refused_as_invalid_cursor(string text)
    {
        var value = System.Buffers.Text.Base64Url.EncodeToString(Protector.Protect(System.Text.Encoding.ASCII.GetBytes(text), Organization));

        Should.Throw<InvalidInputException>(() => ChangeFeedCursor.Open(value, Protector, Organization)).Code.ShouldBe("invalid_cursor");
    }

    [Test]
    public void Positions_order_by_transaction_then_sequence()
    {
        new ChangeFeedPosition(1, 9).ShouldBeLessThan(new ChangeFeedPosition(2, 1));
        new ChangeFeedPosition(2, 1).ShouldBeLessThan(new ChangeFeedPosition(2, 2));
        (new ChangeFeedPosition(2, 2) > new ChangeFeedPosition(2, 2)).ShouldBeFalse();
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(100, true)]
    [TestCase(101, false)]
    public void Page_size_is_1_to_100(int size, bool valid)
    {
        new ListChangesValidator().Validate(new ListChangesQuery(PageSize: size)).IsValid.ShouldBe(valid);
    }

    [Test]
    public void At_most_20_types_are_taken()
    {
        var types = Enumerable.Repeat(ChangedRecordType.Deal, 21).ToList();

        new ListChangesValidator().Validate(new ListChangesQuery(Types: types)).Errors.Single().PropertyName.ShouldBe("Types");
    }

    [Test]
    public async Task The_feed_reads_in_transaction_order_across_pages_only_its_own_organization_and_types()
    {
        RecordChange[] rows =
        [
            Row(20, 1), Row(10, 5), Row(10, 7), Row(30, 2, ChangedRecordType.Deal), Row(20, 3),
            Row(15, 4, organization: Guid.NewGuid()),
        ];
        var handler = Handler(new InMemoryReadStore().With(rows));

        var first = await handler.Handle(new ListChangesQuery(Types: [ChangedRecordType.Contact], PageSize: 2), CancellationToken.None);
        var second = await handler.Handle(new ListChangesQuery(first.NextCursor, [ChangedRecordType.Contact], 2), CancellationToken.None);
        var tail = await handler.Handle(new ListChangesQuery(second.NextCursor, [ChangedRecordType.Contact], 2), CancellationToken.None);

        first.Items.Select(i => i.Sequence).ShouldBe([5L, 7L]);
        second.Items.Select(i => i.Sequence).ShouldBe([1L, 3L]);
        tail.Items.ShouldBeEmpty();
        tail.NextCursor.ShouldBe(second.NextCursor);
        first.Items.ShouldAllBe(i => i.Data == null);
    }

    [Test]
    public async Task A_cursor_of_other_types_is_refused()
    {
        var handler = Handler(new InMemoryReadStore().With(Row(1, 1)));
        var page = await handler.Handle(new ListChangesQuery(Types: [ChangedRecordType.Deal]), CancellationToken.None);

        (await Should.ThrowAsync<InvalidInputException>(() => handler.Handle(new ListChangesQuery(page.NextCursor), CancellationToken.None)))
            .Code.ShouldBe("invalid_cursor");
        (await handler.Handle(new ListChangesQuery(page.NextCursor, [ChangedRecordType.Deal, ChangedRecordType.Deal]), CancellationToken.None))
            .Items.ShouldBeEmpty();
    }

    /// <summary>A cursor of every type for the handler's reader at a position, started with these floors.</summary>
    private static async Task<string> CursorAsync(ListChangesQueryHandler handler, ChangeFeedPosition position, ChangeFeedFloors floors = default)
    {
        var binding = ChangeFeedCursor.Open((await handler.Handle(new ListChangesQuery(), CancellationToken.None)).NextCursor, Protector, Organization).Binding;
        return new ChangeFeedCursor(position, floors, binding).Seal(Protector, Organization);
    }

    [Test]
    public async Task A_cursor_with_unread_rows_behind_a_purge_mark_is_gone_and_one_at_the_mark_is_not()
    {
        var handler = Handler(new InMemoryReadStore().With(Row(30, 3), Row(40, 4)).With(Mark(20, 2, ChangedRecordType.Contact)));

        var behind = await CursorAsync(handler, new(10, 1));
        (await Should.ThrowAsync<GoneException>(() => handler.Handle(new ListChangesQuery(behind), CancellationToken.None)))
            .Code.ShouldBe("cursor_expired");
        (await handler.Handle(new ListChangesQuery(await CursorAsync(handler, new(20, 2))), CancellationToken.None))
            .Items.Select(i => i.Sequence).ShouldBe([3L, 4L]);
    }

    [Test]
    public async Task A_reader_that_starts_after_a_purge_is_not_told_of_it_but_is_told_of_the_next_one_past_its_position()
    {
        RecordChange[] rows = [Row(30, 3), Row(60, 6, ChangedRecordType.Deal)];
        ChangeFeedPurgeMark[] marks = [Mark(20, 2, ChangedRecordType.Contact), Mark(50, 5, ChangedRecordType.Deal)];
        var handler = Handler(new InMemoryReadStore().With(rows).With(marks));

        var first = await handler.Handle(new ListChangesQuery(PageSize: 1), CancellationToken.None);
        var second = await handler.Handle(new ListChangesQuery(first.NextCursor, PageSize: 1), CancellationToken.None);

        first.Items.Single().Sequence.ShouldBe(3);
        second.Items.Single().Sequence.ShouldBe(6);

        // The deals' rows up to the one it has not read yet are purged: that is its loss.
        var later = Handler(new InMemoryReadStore().With(rows).With(marks[0], Mark(60, 6, ChangedRecordType.Deal)));
        (await Should.ThrowAsync<GoneException>(() => later.Handle(new ListChangesQuery(first.NextCursor, PageSize: 1), CancellationToken.None)))
            .Code.ShouldBe("cursor_expired");
        (await later.Handle(new ListChangesQuery(second.NextCursor), CancellationToken.None)).Items.ShouldBeEmpty();
    }

    [Test]
    public async Task A_reader_of_other_types_is_not_told_of_a_purge()
    {
        var handler = Handler(new InMemoryReadStore().With(Row(30, 3)).With(Mark(20, 2, ChangedRecordType.Contact)));
        var deals = await handler.Handle(new ListChangesQuery(Types: [ChangedRecordType.Deal]), CancellationToken.None);

        var later = Handler(new InMemoryReadStore().With(Row(30, 3)).With(Mark(30, 3, ChangedRecordType.Contact)));
        (await later.Handle(new ListChangesQuery(deals.NextCursor, [ChangedRecordType.Deal]), CancellationToken.None)).Items.ShouldBeEmpty();
    }
}
