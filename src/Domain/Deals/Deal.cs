using Crm.Domain.Common;
using Crm.Domain.Deals.Events;
using Crm.Domain.Deals.Rules;
using Crm.Domain.Organizations;
using Crm.Domain.Organizations.Rules;
using Crm.Domain.Records;
using Crm.Domain.Records.Rules;

namespace Crm.Domain.Deals;

/// <summary>
/// A sales opportunity with a contact. Status and stage move only as <see cref="DealTransitions"/> allows; one
/// change is checked whole before any of it applies, so a refused change leaves the deal untouched.
/// </summary>
public sealed class Deal : OwnedRecord
{
    public const int TitleMaxLength = 200;

    private Deal()
    {
        Title = Currency = string.Empty;
    }

    public Guid ContactId { get; private set; }

    public string Title { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    public DealStatus Status { get; private set; }

    public DealStage Stage { get; private set; }

    /// <summary>The id of this deal in a partner's system, exactly as sent; unique within the organization.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The company the deal is made with, if any.</summary>
    public Guid? CompanyId { get; private set; }

    /// <summary>The day the deal is expected to close, if anyone said; the forecast groups open deals by its month.</summary>
    public DateOnly? ExpectedCloseDate { get; private set; }

    /// <summary>When the deal entered its current stage (its creation, until it moves).</summary>
    public DateTime StageChangedAt { get; private set; }

    /// <summary>When the deal was last won or lost; null while it is open (a reopened deal loses it).</summary>
    public DateTime? ClosedAt { get; private set; }

    public static Deal Open(
        Guid organizationId,
        Actor actor,
        Guid contactId,
        string title,
        decimal amount,
        string currency,
        DealStage stage,
        Guid? ownerId,
        DateTime now,
        string? externalId = null,
        Guid? companyId = null,
        IReadOnlyList<string>? tags = null,
        DateOnly? expectedCloseDate = null,
        IReadOnlyDictionary<string, object?>? customFields = null)
    {
        var owner = ownerId ?? actor.UserId;
        BusinessRules.Check(new ActorMayAssignOwner(actor, owner));
        BusinessRules.Check(new ClosedStageNeedsOutcome(DealStatus.New, stage));
        BusinessRules.Check(new AmountIsValid(amount));
        BusinessRules.Check(new CurrencyMustBeIso4217(currency));
        var deal = new Deal
        {
            Id = NewId(),
            OrganizationId = organizationId,
            OwnerId = owner,
            ContactId = contactId,
            Title = title.Trim(),
            Amount = amount,
            Currency = currency,
            Status = DealStatus.New,
            Stage = stage,
            ExternalId = externalId,
            CompanyId = companyId,
            ExpectedCloseDate = expectedCloseDate,
            StageChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        deal.SetTags(tags);
        deal.SetCustomFields(customFields);
        deal.Raise(new DealCreated(organizationId, deal.Id, actor.UserId, deal.Title));
        return deal;
    }

    /// <summary>Applies one atomic change: every rule is checked against the deal as it will be, then it applies.</summary>
    public void Change(Actor actor, DealChanges changes, DateTime now)
    {
        EnsureMayChange(actor);

        var title = changes.Title.IsSet ? changes.Title.Value.Trim() : Title;
        var amount = changes.Amount.IsSet ? changes.Amount.Value : Amount;
        var currency = changes.Currency.IsSet ? changes.Currency.Value : Currency;
        var owner = changes.OwnerId.IsSet ? changes.OwnerId.Value : OwnerId;
        var contact = changes.ContactId.IsSet ? changes.ContactId.Value : ContactId;
        var externalId = changes.ExternalId.IsSet ? changes.ExternalId.Value : ExternalId;
        var company = changes.CompanyId.IsSet ? changes.CompanyId.Value : CompanyId;
        var expectedClose = changes.ExpectedCloseDate.IsSet ? changes.ExpectedCloseDate.Value : ExpectedCloseDate;
        var status = changes.Status.IsSet ? changes.Status.Value : Status;
        var reopening = Status.IsFinal() && !status.IsFinal();
        var stage = status.IsFinal() && !changes.Stage.IsSet
            ? DealStage.Closed
            : changes.Stage.IsSet ? changes.Stage.Value : reopening ? DealTransitions.ReopenedStage : Stage;

        if (owner != OwnerId)
        {
            BusinessRules.Check(new ActorMayAssignOwner(actor, owner));
        }

        if (status != Status)
        {
            BusinessRules.Check(new StatusTransitionAllowed(Status, status, actor.Role));
        }

        BusinessRules.Check(new ClosedStageNeedsOutcome(status, stage));
        BusinessRules.Check(new FinalDealStaysClosed(status, stage));
        BusinessRules.Check(new StageMoveAllowed(Stage, stage, actor.Role));
        BusinessRules.Check(new AmountIsValid(amount));
        BusinessRules.Check(new CurrencyMustBeIso4217(currency));
        if (status != Status || amount != Amount)
        {
            BusinessRules.Check(new WonDealHasAmount(status, amount));
        }

        BusinessRules.Check(new TagsAreValid(changes.Tags.IsSet ? changes.Tags.Value : null));
        var tags = changes.Tags.IsSet ? RecordTags.Normalize(changes.Tags.Value) : Tags;

        var fieldChanges = new List<FieldChange>();
        Track(fieldChanges, "title", Title, title);
        Track(fieldChanges, "amount", Amount, amount);
        Track(fieldChanges, "currency", Currency, currency);
        Track(fieldChanges, "owner_id", OwnerId, owner);
        Track(fieldChanges, "contact_id", ContactId, contact);
        Track(fieldChanges, "external_id", ExternalId, externalId);
        Track(fieldChanges, "company_id", CompanyId, company);
        Track(fieldChanges, "expected_close_date", ExpectedCloseDate, expectedClose);
        if (!tags.SequenceEqual(Tags, StringComparer.Ordinal))
        {
            fieldChanges.Add(new FieldChange("tags", Tags, tags));
        }

        // Nothing is refused past this point, so the values may change before the events are raised.
        if (changes.CustomFields.IsSet)
        {
            SetCustomFields(changes.CustomFields.Value, changes: fieldChanges);
        }

        if (status != Status)
        {
            Raise(new DealStatusChanged(OrganizationId, Id, actor.UserId, Status, status));
            ClosedAt = status.IsFinal() ? now : null;
        }

        if (stage != Stage)
        {
            Raise(new DealStageChanged(OrganizationId, Id, actor.UserId, Stage, stage, StageChangedAt));
            StageChangedAt = now;
        }

        if (fieldChanges.Count > 0)
        {
            Raise(new DealUpdated(OrganizationId, Id, actor.UserId, fieldChanges));
        }

        (Title, Amount, Currency, OwnerId, ContactId, Status, Stage) = (title, amount, currency, owner, contact, status, stage);
        ExternalId = externalId;
        CompanyId = company;
        ExpectedCloseDate = expectedClose;
        SetTags(tags);
        if (fieldChanges.Count > 0 || DomainEvents.Count > 0)
        {
            UpdatedAt = now;
        }
    }

    /// <summary>
    /// Clears the company as a consequence of its deletion, which the actor was allowed: no ownership check on the deal.
    /// </summary>
    public void DetachFromCompany(Guid actorId, DateTime now)
    {
        if (CompanyId is not { } company)
        {
            return;
        }

        CompanyId = null;
        UpdatedAt = now;
        Raise(new DealUpdated(OrganizationId, Id, actorId, [new FieldChange("company_id", company, null)]));
    }

    /// <summary>Checks that the actor may delete the deal, and announces it.</summary>
    public void Delete(Actor actor)
    {
        EnsureMayChange(actor);
        Raise(new DealDeleted(OrganizationId, Id, actor.UserId));
    }

    private static void Track<T>(List<FieldChange> changes, string field, T from, T to)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }
}

/// <summary>The fields a deal update may set; unset fields keep their value.</summary>
public sealed record DealChanges(
    Optional<string> Title = default,
    Optional<decimal> Amount = default,
    Optional<string> Currency = default,
    Optional<DealStatus> Status = default,
    Optional<DealStage> Stage = default,
    Optional<Guid> OwnerId = default,
    Optional<Guid> ContactId = default,
    Optional<string?> ExternalId = default,
    Optional<Guid?> CompanyId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<DateOnly?> ExpectedCloseDate = default,
    Optional<IReadOnlyDictionary<string, object?>?> CustomFields = default);
