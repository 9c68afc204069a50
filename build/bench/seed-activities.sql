-- Adds :count entries to the feed of organization :'org' in one statement (the exports benchmark's data): a quarter
-- logged calls and notes with a subject and body on a contact and its company, the rest stage changes, comments and
-- system entries on deals, one a second back from now, authored by the organization's members in turn.
--   psql -v org=<uuid> -v count=1000000 -f build/bench/seed-activities.sql
WITH members AS (SELECT array_agg(user_id ORDER BY user_id) AS ids FROM memberships WHERE organization_id = :'org'),
     contacts AS (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM contacts WHERE organization_id = :'org' LIMIT 5000) c),
     companies AS (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM companies WHERE organization_id = :'org' LIMIT 5000) c),
     deals AS (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM deals WHERE organization_id = :'org' LIMIT 5000) d)
INSERT INTO activities (id, organization_id, deal_id, contact_id, company_id, author_id, author_type, type, payload, created_at,
                        subject, body, occurred_at, duration_minutes, outcome)
SELECT gen_random_uuid(), :'org',
       CASE WHEN g % 4 <> 0 THEN d.ids[1 + g % cardinality(d.ids)] END,
       CASE WHEN g % 4 = 0 THEN c.ids[1 + g % cardinality(c.ids)] END,
       CASE WHEN g % 4 = 0 AND cardinality(co.ids) > 0 THEN co.ids[1 + g % cardinality(co.ids)] END,
       m.ids[1 + g % cardinality(m.ids)], 'user',
       (ARRAY['call', 'stage_changed', 'comment', 'system', 'note', 'stage_changed', 'comment', 'system'])[1 + g % 8],
       CASE g % 8
         WHEN 1 THEN jsonb_build_object('from', 'qualification', 'to', 'proposal', 'from_entered_at', now() - make_interval(secs => g + 86400))
         WHEN 5 THEN jsonb_build_object('from', 'proposal', 'to', 'negotiation', 'from_entered_at', now() - make_interval(secs => g + 86400))
         WHEN 2 THEN jsonb_build_object('text', 'Followed up, waiting for the signed offer (' || g || ')')
         WHEN 6 THEN jsonb_build_object('text', 'Sent the revised quote, "volume pricing", ' || g)
         WHEN 3 THEN '{"event": "deal_created", "title": "Renewal"}'
         WHEN 7 THEN '{"event": "deal_created", "title": "Expansion"}'
         ELSE '{}'
       END::jsonb,
       now() - make_interval(secs => g),
       CASE WHEN g % 4 = 0 THEN 'Call about the renewal ' || g END,
       CASE WHEN g % 4 = 0 THEN 'Discussed pricing, timeline and the next steps; they asked for a proposal by Friday.' END,
       CASE WHEN g % 4 = 0 THEN now() - make_interval(secs => g) END,
       CASE WHEN g % 4 = 0 THEN 15 + g % 45 END,
       CASE WHEN g % 8 = 0 THEN 'Connected' END
  FROM generate_series(1, :count) g, members m, contacts c, companies co, deals d;
