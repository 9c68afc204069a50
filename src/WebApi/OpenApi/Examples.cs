namespace Crm.WebApi.OpenApi;

/// <summary>Request body examples for the main operations, and answer examples of the reports, by operation id.</summary>
internal static class Examples
{
    public static IReadOnlyDictionary<string, string> Requests { get; } = new Dictionary<string, string>
    {
        ["Auth_Register"] = """{"email": "ada@example.com", "password": "correct-horse-battery", "name": "Ada Lovelace", "organization_name": "Analytical Engines"}""",
        ["Auth_Login"] = """{"email": "ada@example.com", "password": "correct-horse-battery"}""",
        ["Auth_Refresh"] = """{"refresh_token": "q4Yc2Jx0QpA8n3oRk1vT7sW9eZb5uHm6LdGfN2yC0aI"}""",
        ["Auth_ForgotPassword"] = """{"email": "ada@example.com"}""",
        ["Auth_ResetPassword"] = """{"token": "Zr8kP2vQ9mX4tL7wB1nC5yH3", "password": "new-correct-horse-battery"}""",
        ["Auth_AcceptInvitation"] = """{"token": "Hb3nW8qK1xT6vR9mP2sD4fG7", "name": "Grace Hopper", "password": "correct-horse-battery"}""",
        ["Auth_UpdateMe"] = """{"name": "Ada King"}""",
        ["Auth_ChangePassword"] = """{"current_password": "correct-horse-battery", "new_password": "staple-battery-horse-correct"}""",
        ["Auth_DeleteMe"] = """{"password": "correct-horse-battery"}""",
        ["Auth_VerifyEmail"] = """{"token": "Vq7mT2xN5kR8wB3pL6sH9dF4"}""",
        ["Auth_LoginTwoFactor"] = """{"challenge_token": "Tc4pW9xK2mQ7vN1rB8sL5dH3yF6gJ0aZ-eU_oI2kP8w", "code": "492039"}""",
        ["Auth_EnableTwoFactor"] = """{"code": "492039"}""",
        ["Auth_DisableTwoFactor"] = """{"password": "correct-horse-battery", "code": "492039"}""",
        ["Organizations_Create"] = """{"name": "Analytical Engines EU", "default_currency": "EUR"}""",
        ["Organizations_Update"] = """{"default_currency": "GBP", "require_two_factor": true, "time_zone": "Europe/London", "stage_probabilities": {"qualification": 10, "proposal": 35, "negotiation": 70}}""",
        ["Members_Add"] = """{"email": "grace@example.com", "role": "manager"}""",
        ["Members_ChangeRole"] = """{"role": "admin"}""",
        ["Contacts_Create"] = """{"name": "Grace Hopper", "email": "grace@example.com", "phone": "+1 (202) 555-0143", "external_id": "sf-003Dn00000Ab12C", "tags": ["VIP", "Conference 2026"], "custom_fields": {"tier": "gold", "seats": 12, "renewal": "2027-01-31"}}""",
        ["Contacts_Batch"] = """{"match_on": "external_id", "items": [{"external_id": "sf-003Dn00000Ab12C", "name": "Grace Hopper", "email": "grace@example.com", "tags": ["VIP"]}, {"external_id": "sf-003Dn00000Cd34E", "name": "Ada Lovelace"}]}""",
        ["Contacts_Update"] = """{"phone": null, "tags": ["VIP", "Partner"], "custom_fields": {"tier": "silver", "renewal": null}}""",
        ["CustomFields_Create"] = """{"record_type": "contact", "key": "segment", "label": "Segment", "type": "text", "required": false, "position": 3}""",
        ["CustomFields_Update"] = """{"label": "Tier", "options": ["gold", "silver", "bronze", "platinum"], "position": 2}""",
        ["Contacts_Replace"] = """{"name": "Grace Hopper", "email": "grace@example.com", "phone": null, "owner_id": "0193a5e2-7c4b-7d1e-9f3a-2b6c8d0e4f11"}""",
        ["Companies_Create"] = """{"name": "Analytical Engines Ltd", "domain": "https://www.analytical-engines.example/about", "industry": "Computing", "employee_count": 120, "website": "https://analytical-engines.example", "phone": "+44 20 7946 0958", "address": {"line1": "12 St James's Square", "city": "London", "postal_code": "SW1Y 4JH", "country": "GB"}, "tags": ["Enterprise", "EMEA"]}""",
        ["Companies_Update"] = """{"employee_count": 150, "address": {"line1": "1 Market Street", "city": "Cambridge", "country": "GB"}}""",
        ["Deals_Create"] = """{"contact_id": "0193a5c2-7b1e-7c3a-9d2f-1a2b3c4d5e6f", "company_id": "0193a5c1-6a0d-7b29-8c1e-0f1a2b3c4d5e", "title": "Compiler licences", "amount": 12500.00, "currency": "EUR", "stage": "qualification", "external_id": "sf-006Dn00000Xy34Z", "tags": ["Renewal", "Q4"], "expected_close_date": "2027-01-29"}""",
        ["Deals_Batch"] = """{"match_on": "external_id", "items": [{"external_id": "sf-006Dn00000Xy34Z", "contact_id": "0193a5c2-7b1e-7c3a-9d2f-1a2b3c4d5e6f", "title": "Compiler licences", "amount": 12500.00, "currency": "EUR", "tags": ["Renewal"]}]}""",
        ["Deals_Update"] = """{"status": "won", "amount": 12500.00, "expected_close_date": "2026-12-18"}""",
        ["Tasks_Create"] = """{"deal_id": "0193a5c2-8c2f-7d4b-8e3a-2b3c4d5e6f70", "title": "Send the offer", "description": "Include volume pricing.", "due_date": "2026-12-01", "assignee_id": "0193a5c2-8c2f-7d4b-8e3a-2b3c4d5e6f71"}""",
        ["Tasks_Update"] = """{"is_done": true, "assignee_id": "0193a5c2-8c2f-7d4b-8e3a-2b3c4d5e6f71"}""",
        ["ApiKeys_Create"] = """{"name": "Billing sync", "role": "manager", "read_only": false, "expires_at": "2027-12-31T23:59:59Z"}""",
        ["Webhooks_Create"] = """{"url": "https://hooks.example.com/crm", "events": ["deal.*", "contact.created"], "description": "Billing sync"}""",
        ["Webhooks_Update"] = """{"events": ["*"], "active": true}""",
        ["Imports_Create"] = """{"file": "contacts.csv", "record_type": "contacts", "mapping": "{\"Full name\": \"name\", \"E-mail\": \"email\", \"Seats\": \"cf.seats\"}", "mode": "upsert", "match_on": "email", "dry_run": "false", "create_companies": "false"}""",
        ["Exports_Create"] = """{"record_type": "deals", "format": "csv", "filters": {"status": ["won", "lost"], "min_amount": 1000, "updated_since": "2026-01-01T00:00:00Z"}}""",
        ["Activities_Create"] = """{"type": "comment", "payload": {"text": "They asked for a pilot in January."}}""",
        ["Activities_Log"] = """{"type": "call", "subject": "Pilot scope", "body": "Agreed on three teams for January.", "occurred_at": "2026-11-20T10:15:00Z", "duration_minutes": 25, "outcome": "connected", "contact_id": "0193a8c2-7f4e-7b1a-9c3d-5e6f7a8b9c0d"}""",
        ["Activities_Update"] = """{"outcome": "left_voicemail", "duration_minutes": 2}""",
        ["Notifications_UpdatePreferences"] = """{"channels": {"deal_won": {"in_app": true, "email": true}, "deal_stage_changed": {"in_app": true, "email": false}}, "quiet_hours": {"start": "22:00", "end": "08:00", "time_zone": "Europe/Paris"}, "email_digest": "off"}""",
    };

    public static IReadOnlyDictionary<string, string> Responses { get; } = new Dictionary<string, string>
    {
        ["Analytics_DealTrend"] = """{"interval": "week", "from": "2026-11-23", "to": "2026-12-07", "time_zone": "Europe/Berlin", "buckets": [{"start": "2026-11-23", "created": {"count": 4, "amounts": {"EUR": 18200.00, "USD": 4000.00}}, "won": {"count": 1, "amounts": {"EUR": 12500.00}}, "lost": {"count": 0, "amounts": {}}}, {"start": "2026-11-30", "created": {"count": 2, "amounts": {"EUR": 3100.00}}, "won": {"count": 0, "amounts": {}}, "lost": {"count": 1, "amounts": {"USD": 900.00}}}, {"start": "2026-12-07", "created": {"count": 0, "amounts": {}}, "won": {"count": 0, "amounts": {}}, "lost": {"count": 0, "amounts": {}}}]}""",
        ["Analytics_DealForecast"] = """{"months": 2, "from": "2026-12-01", "stage_probabilities": {"qualification": 10, "proposal": 30, "negotiation": 60}, "buckets": [{"month": "2026-12-01", "count": 3, "amounts": {"EUR": 21000.00}, "weighted_amounts": {"EUR": 9300.00}}, {"month": "2027-01-01", "count": 1, "amounts": {"USD": 4000.00}, "weighted_amounts": {"USD": 400.00}}], "overdue": {"count": 1, "amounts": {"EUR": 700.00}, "weighted_amounts": {"EUR": 210.00}}, "undated": {"count": 5, "amounts": {"EUR": 9800.00}, "weighted_amounts": {"EUR": 1480.00}}}""",
        ["Analytics_DealVelocity"] = """{"days": 90, "won": {"count": 6, "amounts": {"EUR": 48000.00, "USD": 5000.00}}, "lost": {"count": 2, "amounts": {"EUR": 3000.00}}, "win_rate": 75.00, "average_days_to_win": 23.42, "average_won_amounts": {"EUR": 9600.00, "USD": 5000.00}, "stages": [{"stage": "qualification", "exits": 9, "average_days": 6.10}, {"stage": "proposal", "exits": 7, "average_days": 9.85}, {"stage": "negotiation", "exits": 6, "average_days": null}]}""",
        ["Analytics_Owners"] = """{"days": 90, "owners": [{"user_id": "0193a5c2-8c2f-7d4b-8e3a-2b3c4d5e6f71", "name": "Ada Lovelace", "open": {"count": 12, "amounts": {"EUR": 64000.00}}, "won": {"count": 4, "amounts": {"EUR": 30500.00}}, "lost": {"count": 1, "amounts": {"EUR": 2000.00}}, "win_rate": 80.00, "activities_logged": 37, "tasks_overdue": 2}, {"user_id": "0193a5c2-8c2f-7d4b-8e3a-2b3c4d5e6f72", "name": "Grace Hopper", "open": {"count": 0, "amounts": {}}, "won": {"count": 0, "amounts": {}}, "lost": {"count": 0, "amounts": {}}, "win_rate": null, "activities_logged": 0, "tasks_overdue": 0}]}""",
    };
}
