using System.Reflection;

namespace Crm.Domain.Errors;

/// <summary>
/// Every error the API can answer, each declared once: the domain's rules, the application's checks, the problem
/// writer and the OpenAPI document all name these entries, never a code of their own.
/// </summary>
public static class ErrorCatalog
{
    // Requests as a whole
    public static readonly Error ValidationFailed = new("validation_failed", ErrorKind.Invalid, "One or more fields are invalid.");
    public static readonly Error MalformedJson = new("malformed_json", ErrorKind.Invalid, "The request body is not valid JSON for this endpoint.");
    public static readonly Error InvalidRequest = new("invalid_request", ErrorKind.Invalid, "The request is malformed.");
    public static readonly Error OrganizationHeaderRequired = new("organization_header_required", ErrorKind.Invalid, "Name the organization in the X-Organization-Id header, as a UUID.");
    public static readonly Error InvalidCursor = new("invalid_cursor", ErrorKind.Invalid, "The cursor is not one this list issued; start again without it.");
    public static readonly Error CursorNotSupported = new("cursor_not_supported", ErrorKind.Invalid, "A cursor pages through the list in creation order only; use order_by=created_at.");
    public static readonly Error CursorExpired = new("cursor_expired", ErrorKind.Gone, "Changes after this cursor have passed the feed's retention and are gone; read the records again, then follow the feed from its start.");
    public static readonly Error NotFound = new("not_found", ErrorKind.NotFound, "Nothing exists at this address.");
    public static readonly Error MethodNotAllowed = new("method_not_allowed", ErrorKind.MethodNotAllowed, "This address does not answer this method.");
    public static readonly Error NotAcceptable = new("not_acceptable", ErrorKind.NotAcceptable, "The answer cannot be given in an accepted media type.");
    public static readonly Error PayloadTooLarge = new("payload_too_large", ErrorKind.TooLarge, "The request body is too large.");
    public static readonly Error UnsupportedMediaType = new("unsupported_media_type", ErrorKind.UnsupportedMediaType, "The request body's media type is not accepted here.");
    public static readonly Error RateLimited = new("rate_limited", ErrorKind.TooManyRequests, "Too many requests: a rate limit was reached. The detail says which one.");
    public static readonly Error InvalidEntityTag = new("invalid_entity_tag", ErrorKind.Invalid, "If-Match and If-None-Match take * or a comma-separated list of quoted entity tags, as the ETag header gives them.");
    public static readonly Error PreconditionFailed = new("precondition_failed", ErrorKind.PreconditionFailed, "The record has changed since the version named in If-Match; read it again, then retry with its new ETag.");
    public static readonly Error InvalidIdempotencyKey = new("invalid_idempotency_key", ErrorKind.Invalid, "An Idempotency-Key header is sent once and holds 1 to 255 printable ASCII characters.");
    public static readonly Error IdempotencyKeyInProgress = new("idempotency_key_in_progress", ErrorKind.Conflict, "A request with this Idempotency-Key is still running; retry once it has been answered.");
    public static readonly Error IdempotencyKeyReused = new("idempotency_key_reused", ErrorKind.Unprocessable, "This Idempotency-Key was used for a different request; send a new key with a new request.");
    public static readonly Error InternalError = new("internal_error", ErrorKind.Internal, "An unexpected error occurred.");

    // Accounts and sessions
    public static readonly Error AuthenticationRequired = new("authentication_required", ErrorKind.Unauthenticated, "Send an access token: Authorization: Bearer <token>.");
    public static readonly Error InvalidToken = new("invalid_token", ErrorKind.Unauthenticated, "The access token is invalid or has expired.");
    public static readonly Error SessionRevoked = new("session_revoked", ErrorKind.Unauthenticated, "The session has ended. Sign in again.");
    public static readonly Error InvalidCredentials = new("invalid_credentials", ErrorKind.Unauthenticated, "The email or password is wrong.");

    /// <summary>
    /// A wrong password in a request that is not a sign-in (a signed-in caller's current password, the password of an
    /// existing account accepting an invitation): a 400, since the session or link is fine (a 401 would tell clients
    /// to sign in again).
    /// </summary>
    public static readonly Error WrongPassword = InvalidCredentials.AsInvalidInput("The password is wrong.");
    public static readonly Error InvalidRefreshToken = new("invalid_refresh_token", ErrorKind.Unauthenticated, "The refresh token is not valid.");
    public static readonly Error RefreshTokenExpired = new("refresh_token_expired", ErrorKind.Unauthenticated, "The refresh token has expired.");
    public static readonly Error RefreshTokenReused = new("refresh_token_reused", ErrorKind.Unauthenticated, "The refresh token was already used; the session has been revoked.");
    public static readonly Error TooManyLoginAttempts = new("too_many_login_attempts", ErrorKind.TooManyRequests, "Too many failed sign-ins. Try again later.");
    public static readonly Error EmailTaken = new("email_taken", ErrorKind.Conflict, "An account with this email already exists.");
    public static readonly Error InvalidResetToken = new("invalid_reset_token", ErrorKind.Invalid, "The password reset link is invalid, used or expired.");
    public static readonly Error InvalidVerificationToken = new("invalid_verification_token", ErrorKind.Invalid, "The email verification link is invalid, used or expired.");
    public static readonly Error EmailAlreadyVerified = new("email_already_verified", ErrorKind.Conflict, "The email address is already verified.");
    public static readonly Error SessionNotFound = new("session_not_found", ErrorKind.NotFound, "You have no live session with this id.");
    public static readonly Error InvalidInvitation = new("invalid_invitation", ErrorKind.Invalid, "The invitation is invalid, used or expired.");

    // Two-factor sign-in
    public static readonly Error TwoFactorRequired = new("two_factor_required", ErrorKind.Unauthenticated, "The password is right; complete the sign-in with a two-factor code and the challenge_token of this answer.");
    public static readonly Error InvalidChallenge = new("invalid_challenge", ErrorKind.Unauthenticated, "The two-factor challenge is invalid, used or expired. Sign in again.");
    public static readonly Error InvalidTwoFactorCode = new("invalid_two_factor_code", ErrorKind.Invalid, "The two-factor code is wrong, expired or already used.");
    public static readonly Error TwoFactorAlreadyEnabled = new("two_factor_already_enabled", ErrorKind.Conflict, "Two-factor sign-in is already on; turn it off before setting it up again.");
    public static readonly Error TwoFactorSetupRequired = new("two_factor_setup_required", ErrorKind.Conflict, "Start with POST /api/v1/auth/2fa/setup; there is no secret to confirm.");
    public static readonly Error TwoFactorNotEnabled = new("two_factor_not_enabled", ErrorKind.Conflict, "Two-factor sign-in is not on for this account.");

    // Organizations and members
    public static readonly Error Forbidden = new("forbidden", ErrorKind.Forbidden, "You may not do this.");
    public static readonly Error OrganizationAccessDenied = new("organization_access_denied", ErrorKind.Forbidden, "You are not a member of this organization.");
    public static readonly Error InsufficientRole = new("insufficient_role", ErrorKind.Forbidden, "Your role in this organization does not allow this action.");
    public static readonly Error OwnerRoleRequired = new("owner_role_required", ErrorKind.Forbidden, "Only an owner may grant, revoke or remove the owner role.");
    public static readonly Error LastOwner = new("last_owner", ErrorKind.Conflict, "The organization's last owner cannot be removed or demoted.");
    public static readonly Error EmailNotVerified = new("email_not_verified", ErrorKind.Forbidden, "The account has not verified its email address, so it cannot join another organization yet.");
    public static readonly Error MemberExists = new("member_exists", ErrorKind.Conflict, "The user is already a member of the organization.");
    public static readonly Error InvitationNotFound = new("invitation_not_found", ErrorKind.NotFound, "No pending invitation has this id.");
    public static readonly Error InvitationStale = new("invitation_stale", ErrorKind.Conflict, "Whoever sent the invitation may no longer grant its role; ask for a new one.");
    public static readonly Error MemberNotFound = new("member_not_found", ErrorKind.NotFound, "The user is not a member of the organization.");
    public static readonly Error AssigneeNotFound = new("assignee_not_found", ErrorKind.Invalid, "The assignee must be a member of the organization (or one of its API keys).");
    public static readonly Error OrganizationSuspended = new("organization_suspended", ErrorKind.Forbidden, "The organization is suspended; its data is kept, but nobody can use it until the service's operator resumes it.");
    public static readonly Error OrganizationAlreadySuspended = new("organization_already_suspended", ErrorKind.Conflict, "The organization is already suspended.");
    public static readonly Error OrganizationNotSuspended = new("organization_not_suspended", ErrorKind.Conflict, "The organization is not suspended.");
    public static readonly Error InvalidTimeZone = new("invalid_time_zone", ErrorKind.Invalid, "time_zone is an IANA time zone name, such as Europe/Paris or UTC.");
    public static readonly Error InvalidStageProbability = new("invalid_stage_probability", ErrorKind.Invalid, "stage_probabilities maps open stages (qualification, proposal, negotiation) to whole percents from 0 to 100.");
    public static readonly Error UserNotMember = new("user_not_member", ErrorKind.Invalid, "The owner must be a member of the organization.");
    public static readonly Error InvalidCurrency = new("invalid_currency", ErrorKind.Invalid, "The currency is not an active upper-case ISO 4217 code.");
    public static readonly Error TwoFactorRequiredByOrganization = new("two_factor_required_by_organization", ErrorKind.Forbidden, "The organization requires two-factor sign-in; turn it on for your account (POST /api/v1/auth/2fa/setup) to continue.");
    public static readonly Error TwoFactorNeededToRequire = new("two_factor_needed_to_require", ErrorKind.Conflict, "Turn on two-factor sign-in for your own account before requiring it of the organization's members.");

    // API keys
    public static readonly Error InvalidApiKey = new("invalid_api_key", ErrorKind.Unauthenticated, "The API key is unknown, revoked or expired.");
    public static readonly Error ApiKeyNotFound = new("api_key_not_found", ErrorKind.NotFound, "The organization has no live API key with this id.");
    public static readonly Error ApiKeyReadOnly = new("api_key_read_only", ErrorKind.Forbidden, "This API key is read-only: it cannot change anything.");
    public static readonly Error ApiKeyNotAllowed = new("api_key_not_allowed", ErrorKind.Forbidden, "This endpoint is about a person's account; an API key cannot use it.");
    public static readonly Error ApiKeyOwnerRole = new("api_key_owner_role", ErrorKind.Invalid, "An API key cannot hold the owner role; choose admin, manager or member.");
    public static readonly Error ApiKeyAdminRequiresOwner = new("api_key_admin_requires_owner", ErrorKind.Forbidden, "Only an owner may create an API key with the admin role.");
    public static readonly Error ApiKeyExpiryInPast = new("api_key_expiry_in_past", ErrorKind.Invalid, "An API key's expires_at must lie in the future.");

    // Webhooks
    public static readonly Error WebhookNotFound = new("webhook_not_found", ErrorKind.NotFound, "The organization has no webhook with this id.");
    public static readonly Error WebhookEventUnknown = new("webhook_event_unknown", ErrorKind.Invalid, "events lists one or more known event types, * (every event) or a resource's .* (such as deal.*).");
    public static readonly Error WebhookUrlInsecure = new("webhook_url_insecure", ErrorKind.Invalid, "A webhook URL uses https.");
    public static readonly Error WebhookUrlPrivate = new("webhook_url_private", ErrorKind.Invalid, "The webhook URL resolves to a private, loopback or link-local address, which the service does not call.");
    public static readonly Error WebhookUrlUnresolvable = new("webhook_url_unresolvable", ErrorKind.Invalid, "The webhook URL's host name does not resolve.");
    public static readonly Error WebhookDeliveryNotFound = new("webhook_delivery_not_found", ErrorKind.NotFound, "The webhook has no delivery with this id.");
    public static readonly Error WebhookInactive = new("webhook_inactive", ErrorKind.Conflict, "The webhook is turned off; turn it on (PATCH active: true) before sending to it.");
    public static readonly Error WebhookLimitReached = new("webhook_limit_reached", ErrorKind.Conflict, "The organization has the most webhooks allowed; delete one first.");
    public static readonly Error ExportNotFound = new("export_not_found", ErrorKind.NotFound, "No export of yours has this id.");
    public static readonly Error ExportNotReady = new("export_not_ready", ErrorKind.Conflict, "The export has no file to download: it is still running, or it failed.");
    public static readonly Error ExportExpired = new("export_expired", ErrorKind.Gone, "The export's file was removed 24 hours after it was written; start another export.");
    public static readonly Error ExportLimitReached = new("export_limit_reached", ErrorKind.Conflict, "The organization has the most exports queued or running at once; wait for one to finish.");
    // The reasons a failed export gives in its error_code (never an HTTP answer of their own).
    public static readonly Error ExportRequesterLeft = new("export_requester_left", ErrorKind.Forbidden, "The export's requester is no longer a member of the organization (or its API key was revoked).");
    public static readonly Error ExportFailed = new("export_failed", ErrorKind.Internal, "The export failed three times; start another, and tell the operator if it fails again.");

    // Background jobs
    public static readonly Error OutboxMessageNotFound = new("outbox_message_not_found", ErrorKind.NotFound, "The organization has no outgoing email with this id.");
    public static readonly Error OutboxMessageNotFailed = new("outbox_message_not_failed", ErrorKind.Conflict, "Only an email whose delivery failed can be retried; this one is still queued, being sent, or sent.");

    // Imports
    public static readonly Error ImportNotFound = new("import_not_found", ErrorKind.NotFound, "No import of yours has this id.");
    public static readonly Error ImportLimitReached = new("import_limit_reached", ErrorKind.Conflict, "The organization has the most imports queued or running at once; wait for one to finish.");
    public static readonly Error ImportFileEmpty = new("import_file_empty", ErrorKind.Invalid, "The file has no header row, or no data row below it.");
    public static readonly Error ImportFileEncoding = new("import_file_encoding", ErrorKind.Invalid, "The file is not UTF-8 text; save it as CSV UTF-8 (or XLSX) and send it again.");
    public static readonly Error ImportFileUnreadable = new("import_file_unreadable", ErrorKind.Invalid, "The file is neither a CSV file nor an XLSX workbook that can be read.");
    public static readonly Error ImportFileTooLarge = new("import_file_too_large", ErrorKind.TooLarge, "The file is larger than an import takes.");
    public static readonly Error ImportTooManyRows = new("import_too_many_rows", ErrorKind.Invalid, "The file has more rows than one import takes (1,000,000); split it.");
    public static readonly Error ImportHeaderInvalid = new("import_header_invalid", ErrorKind.Invalid, "The file's header names a column twice, or leaves one unnamed.");
    public static readonly Error ImportColumnMissing = new("import_column_missing", ErrorKind.Invalid, "The mapping names a column the file's header does not have.");
    public static readonly Error ImportUnknownField = new("import_unknown_field", ErrorKind.Invalid, "The mapping names a field (or custom field) that the record type does not have.");
    public static readonly Error ImportMatchColumnMissing = new("import_match_column_missing", ErrorKind.Invalid, "No column is mapped to the field the rows are matched on (match_on).");
    public static readonly Error ImportNotRevertible = new("import_not_revertible", ErrorKind.Conflict, "Only a finished import that wrote records can be reverted, once.");
    public static readonly Error ImportRevertExpired = new("import_revert_expired", ErrorKind.Gone, "An import can be reverted for 7 days after it finished.");
    // The reasons a row gives in an import's errors file.
    public static readonly Error ImportDuplicateRow = new("import_duplicate_row", ErrorKind.Conflict, "An earlier row of the file has the same match key (or email); the first one is imported.");
    public static readonly Error ImportMatchKeyMissing = new("import_match_key_missing", ErrorKind.Invalid, "The row has no value in the column the rows are matched on.");
    public static readonly Error ImportCompanyNotFound = new("import_company_not_found", ErrorKind.Invalid, "No company of the organization has the row's company_domain (or company_name); send create_companies=true to create it.");
    public static readonly Error ImportCompanyAmbiguous = new("import_company_ambiguous", ErrorKind.Conflict, "Several companies of the organization have the row's company_name; name the company by its company_domain.");
    // The reasons a failed import gives in its error_code (never an HTTP answer of their own).
    public static readonly Error ImportRequesterLeft = new("import_requester_left", ErrorKind.Forbidden, "The import's requester is no longer a member of the organization (or its API key was revoked).");
    public static readonly Error ImportFailed = new("import_failed", ErrorKind.Internal, "The import failed three times; what it wrote before stays (revert it if needed), and tell the operator.");

    // Custom fields
    public static readonly Error CustomFieldNotFound = new("custom_field_not_found", ErrorKind.NotFound, "The organization has no custom field with this id.");
    public static readonly Error CustomFieldKeyTaken = new("custom_field_key_taken", ErrorKind.Conflict, "Another custom field of this record type has this key.");
    public static readonly Error CustomFieldLimitReached = new("custom_field_limit_reached", ErrorKind.Conflict, "The record type has the most custom fields allowed; delete one first.");
    public static readonly Error CustomFieldTypeChangeRefused = new("custom_field_type_change_refused", ErrorKind.Conflict, "Records hold values that the field's new type or options do not accept; change or clear them first.");

    // Records
    public static readonly Error ContactNotFound = new("contact_not_found", ErrorKind.NotFound, "No contact has this id.");
    public static readonly Error ContactReferenceNotFound = ContactNotFound.AsReference("The organization has no contact with this id.");
    public static readonly Error CompanyNotFound = new("company_not_found", ErrorKind.NotFound, "No company has this id.");
    public static readonly Error CompanyReferenceNotFound = CompanyNotFound.AsReference("The organization has no company with this id.");
    public static readonly Error DealNotFound = new("deal_not_found", ErrorKind.NotFound, "No deal has this id.");
    public static readonly Error DealReferenceNotFound = DealNotFound.AsReference("The organization has no deal with this id.");
    public static readonly Error TaskNotFound = new("task_not_found", ErrorKind.NotFound, "No task has this id.");
    public static readonly Error AttachmentNotFound = new("attachment_not_found", ErrorKind.NotFound, "No attachment has this id.");
    public static readonly Error ActivityNotFound = new("activity_not_found", ErrorKind.NotFound, "No timeline entry of this record (or of the organization) has this id.");
    public static readonly Error RangeNotSatisfiable = new("range_not_satisfiable", ErrorKind.RangeNotSatisfiable, "The requested byte range lies outside the file; Content-Range gives its length.");
    public static readonly Error ContactEmailTaken = new("contact_email_taken", ErrorKind.Conflict, "Another contact of the organization has this email address.");
    public static readonly Error BatchMatchKeyMissing = new("batch_match_key_missing", ErrorKind.Invalid, "The item lacks the field the batch matches on (match_on), so it cannot be matched.");
    public static readonly Error ExternalIdTaken = new("external_id_taken", ErrorKind.Conflict, "Another record of this type in the organization has this external id.");
    public static readonly Error ContactHasDeals = new("contact_has_deals", ErrorKind.Conflict, "The contact still has deals; delete or move them first.");
    public static readonly Error CompanyDomainTaken = new("company_domain_taken", ErrorKind.Conflict, "Another company of the organization has this domain.");
    public static readonly Error CompanyHasRecords = new("company_has_records", ErrorKind.Conflict, "Contacts or deals still belong to the company; move them, or delete with detach=true to clear their company.");
    public static readonly Error InvalidCompanyDomain = new("invalid_company_domain", ErrorKind.Invalid, "A company's domain is a host name such as example.com (internationalised names in their xn-- form).");
    public static readonly Error ConcurrentUpdate = new("concurrent_update", ErrorKind.Conflict, "The record was changed by another request at the same time. Try again.");
    public static readonly Error Duplicate = new("duplicate", ErrorKind.Conflict, "A record with these values already exists.");
    public static readonly Error StillReferenced = new("still_referenced", ErrorKind.Conflict, "Other records still refer to this one.");
    public static readonly Error NotRecordOwner = new("not_record_owner", ErrorKind.Forbidden, "Members may change only the records they own.");
    public static readonly Error NotDealOwner = new("not_deal_owner", ErrorKind.Forbidden, "Members may change only the tasks of deals they own.");
    public static readonly Error OwnerAssignmentForbidden = new("owner_assignment_forbidden", ErrorKind.Forbidden, "Only a manager, an admin or an owner may give a record to another user.");
    public static readonly Error OwnerFilterForbidden = new("owner_filter_forbidden", ErrorKind.Forbidden, "Only a manager, an admin or an owner may filter by owner.");

    // Personal data
    public static readonly Error Suppressed = new("suppressed", ErrorKind.Conflict, "The email address is on the organization's suppression list: its contact was erased at the person's request. An owner may lift it (DELETE /api/v1/suppressions/{hash}).");
    public static readonly Error SuppressionNotFound = new("suppression_not_found", ErrorKind.NotFound, "The organization's suppression list has no entry with this hash.");

    // Deals, tasks and timelines
    public static readonly Error InvalidStatusTransition = new("invalid_status_transition", ErrorKind.Invalid, "The deal cannot move to this status.");
    public static readonly Error DealOutcomeRequired = new("deal_outcome_required", ErrorKind.Invalid, "Only a won or lost deal is closed: set its status to won or lost instead.");
    public static readonly Error InvalidStageTransition = new("invalid_stage_transition", ErrorKind.Invalid, "A won or lost deal stays closed; reopen it (status in_progress) to move its stage.");
    public static readonly Error StageRollbackForbidden = new("stage_rollback_forbidden", ErrorKind.Forbidden, "Only an owner or an admin may move a deal back to an earlier stage.");
    public static readonly Error DealAmountRequired = new("deal_amount_required", ErrorKind.Invalid, "A deal needs a positive amount to be won.");
    public static readonly Error InvalidAmount = new("invalid_amount", ErrorKind.Invalid, "An amount is a number from 0 to 9999999999999999.99 with at most two decimals.");
    public static readonly Error DueDateInPast = new("due_date_in_past", ErrorKind.Invalid, "The due date must be today or later.");
    public static readonly Error ActivityTypeNotAllowed = new("activity_type_not_allowed", ErrorKind.Invalid, "Only comments can be added to a timeline; the other entries are written by the system.");
    public static readonly Error ActivityRecordRequired = new("activity_record_required", ErrorKind.Invalid, "An activity is logged on at least one record: name contact_id, company_id or deal_id.");
    public static readonly Error NotActivityAuthor = new("not_activity_author", ErrorKind.Forbidden, "Members may change or delete only the activities they logged; managers, admins and owners may change all of them.");
    public static readonly Error ActivityNotEditable = new("activity_not_editable", ErrorKind.Invalid, "Only logged notes, calls, meetings and emails can be edited; comments can be deleted, system entries neither.");

    // Files
    public static readonly Error FileTooLarge = new("file_too_large", ErrorKind.TooLarge, "The file is larger than allowed.");
    public static readonly Error UnsupportedFileType = new("unsupported_file_type", ErrorKind.UnsupportedMediaType, "Accepted files: PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, text and CSV.");
    public static readonly Error ContentTypeMismatch = new("content_type_mismatch", ErrorKind.UnsupportedMediaType, "The file's content is not of the declared type.");
    public static readonly Error StorageQuotaExceeded = new("storage_quota_exceeded", ErrorKind.Conflict, "The file does not fit in the organization's storage quota; remove files or change plan.");

    // Notifications
    public static readonly Error NotificationNotFound = new("notification_not_found", ErrorKind.NotFound, "You have no notification with this id.");
    public static readonly Error InvalidLastEventId = new("invalid_last_event_id", ErrorKind.Invalid, "Last-Event-ID (or last_event_id) is not an event id the notification stream sent; reconnect without it.");
    public static readonly Error TooManyLiveConnections = new("too_many_live_connections", ErrorKind.TooManyRequests, "You have as many live notification connections open as allowed; close one first.");

    /// <summary>
    /// Every entry of the catalog in the order declared; a reference variant follows its record's entry and shares its
    /// code.
    /// </summary>
    public static IReadOnlyList<Error> All { get; } = typeof(ErrorCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Error))
        .Select(f => (Error)f.GetValue(null)!)
        .ToList();

    /// <summary>The entry of a code; every code the API answers with has one.</summary>
    public static Error Find(string code) =>
        All.FirstOrDefault(e => e.Code == code) ?? throw new ArgumentException($"'{code}' is not in the error catalog.", nameof(code));

    /// <summary>The general entry answered for a status when nothing more specific applies.</summary>
    public static Error ForStatus(int status) => status switch
    {
        401 => AuthenticationRequired,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => NotAcceptable,
        409 => Duplicate,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        416 => RangeNotSatisfiable,
        429 => RateLimited,
        >= 500 => InternalError,
        _ => InvalidRequest,
    };
}
