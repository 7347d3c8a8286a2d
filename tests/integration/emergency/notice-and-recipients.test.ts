import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { emergencyCalls, emergencyNoticeAcks, emergencyRecipients, outbox, users } from '@/db/schema';
import { acknowledgeEmergencyNotice, addEmergencyRecipient, removeEmergencyRecipient } from '@/lib/emergency/actions';
import { MAX_EMERGENCY_RECIPIENTS } from '@/lib/emergency/notice';
import { REMINDER_KIND } from '@/lib/emergency/reminder';
import { deliverOutbox } from '@/lib/mail/deliver';
import { rowsOf } from '@/lib/numbers/inventory-seed';
import { smtpTransport } from '@/lib/mail/transport';
import { runAction } from '@/lib/runner/run-action';
import { useTestDatabase } from '../../helpers/db';
import { signUpCompany } from '../../helpers/factories';
import { startSmtpServer } from '../../helpers/smtp';
import { auditEntries } from '../../helpers/team';

useTestDatabase();

const BASE = 'https://switchboard.example';
const T0 = new Date('2026-03-02T09:30:00Z');
const YEAR_LATER = new Date('2027-03-02T09:30:00Z');
const ack = (userId: string, version: string, locale: 'en' | 'fr' = 'en', now = T0) =>
  runAction(acknowledgeEmergencyNotice, { userId, locale, input: { version }, baseUrl: BASE, now: () => now });
const recipientsOf = (companyId: string) =>
  db().select({ email: emergencyRecipients.email }).from(emergencyRecipients).where(eq(emergencyRecipients.companyId, companyId)).orderBy(asc(emergencyRecipients.email));
const mailOf = (companyId: string, kind: string) =>
  db().select().from(outbox).where(and(eq(outbox.companyId, companyId), eq(outbox.kind, kind))).orderBy(asc(outbox.toEmail));

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

describe('the VoIP emergency notice (CA, GB, CH)', () => {
  it('stores who accepted it, when, in which language and which version, once, with a history entry', async () => {
    const { company, admin } = await signUpCompany({ country: 'CA', companyName: 'Érable Inc' });
    const result = await ack(admin.id, 'ca-2026-1', 'fr');
    expect(result).toMatchObject({ ok: true, data: { version: 'ca-2026-1', acknowledgedAt: T0.toISOString(), reminders: 1 } });
    const rows = await db().select().from(emergencyNoticeAcks).where(eq(emergencyNoticeAcks.companyId, company.id));
    expect(rows).toEqual([
      expect.objectContaining({ userId: admin.id, userName: 'Ada Admin', locale: 'fr', version: 'ca-2026-1', acknowledgedAt: T0 }),
    ]);
    const [entry] = await auditEntries(company.id, 'emergency.noticeAcknowledged');
    expect(entry).toMatchObject({ card: 'company', actorId: admin.id, target: 'ca-2026-1' });
    expect(entry.after).toMatchObject({ version: 'ca-2026-1', locale: 'fr', reminderDue: YEAR_LATER.toISOString() });

    // Accepting again (a double click, another admin) writes nothing and queues no second reminder.
    expect(await ack(admin.id, 'ca-2026-1', 'en', new Date('2026-03-05T10:00:00Z'))).toMatchObject({ ok: true, data: { reminders: 0, acknowledgedAt: T0.toISOString() } });
    expect(await db().select().from(emergencyNoticeAcks).where(eq(emergencyNoticeAcks.companyId, company.id))).toHaveLength(1);
    expect(await mailOf(company.id, REMINDER_KIND)).toHaveLength(1);
    expect(await auditEntries(company.id, 'emergency.noticeAcknowledged')).toHaveLength(1);
  });

  it('refuses a version that is not the current text of the country, writing nothing', async () => {
    const { company, admin } = await signUpCompany({ country: 'GB' });
    for (const version of ['gb-2025-1', 'ca-2026-1', "gb-2026-1'; drop table users; --"]) {
      expect(await ack(admin.id, version)).toEqual({
        formError: 'The notice has changed since this page was opened. Reload the page, read it again and accept it.',
      });
    }
    expect(await db().select().from(emergencyNoticeAcks).where(eq(emergencyNoticeAcks.companyId, company.id))).toEqual([]);
    expect(await mailOf(company.id, REMINDER_KIND)).toEqual([]);
  });

  it('queues a yearly reminder to every admin, in their language, that the worker sends only once it is due', async () => {
    const { company, admin } = await signUpCompany({ country: 'CH', companyName: 'Léman SA' });
    const [other] = await db()
      .insert(users)
      .values({ companyId: company.id, firstName: 'Bruno', lastName: 'Zbinden', email: `bruno-${company.id}@example.com`, role: 'admin', locale: 'en' })
      .returning();
    await db().insert(users).values({ companyId: company.id, firstName: 'Max', lastName: 'Member', email: `max-${company.id}@example.com`, role: 'member' });
    expect((await ack(admin.id, 'ch-2026-1', 'fr')).ok).toBe(true);

    const reminders = await mailOf(company.id, REMINDER_KIND);
    expect(reminders.map((m) => [m.userId, m.status, m.nextAttemptAt.toISOString(), m.createdAt.toISOString()]).sort()).toEqual(
      [admin.id, other!.id].map((id) => [id, 'pending', YEAR_LATER.toISOString(), T0.toISOString()]).sort(),
    );
    // The company's language for Ada (no language of her own), Bruno's own for him.
    const toAda = reminders.find((m) => m.userId === admin.id)!;
    expect(toAda.subject).toBe('Rappel annuel : les limites des appels d’urgence chez Léman SA');
    expect(toAda.bodyText).toContain('Le 2 mars 2026, Ada Admin a lu et accepté l’avis ci-dessous');
    expect(toAda.bodyText).toContain('(version ch-2026-1)');
    expect(toAda.bodyText).toContain(`${BASE}/setup/company#emergency`);
    expect(toAda.bodyText).toContain('dirigé vers le mauvais centre d’urgence');
    const toBruno = reminders.find((m) => m.userId === other!.id)!;
    expect(toBruno.subject).toBe('Yearly reminder: the limits of emergency calls at Léman SA');
    expect(toBruno.bodyText).toContain('misrouted to the wrong emergency centre');

    // The outbox's next attempt is the reminder's not-before date.
    const transport = smtpTransport(smtp.url)!;
    await deliverOutbox({ transport, now: new Date(YEAR_LATER.getTime() - 60_000), limit: 1000 });
    expect((await mailOf(company.id, REMINDER_KIND)).map((m) => m.status)).toEqual(['pending', 'pending']);
    expect(smtp.received.filter((m) => m.subject.includes('Léman SA'))).toEqual([]);
    await deliverOutbox({ transport, now: YEAR_LATER, limit: 1000 });
    expect((await mailOf(company.id, REMINDER_KIND)).map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(smtp.received.filter((m) => m.subject.includes('Léman SA')).flatMap((m) => m.to).sort()).toEqual([admin.email, other!.email].sort());
  });
});

describe('emergency call recipients', () => {
  it('adds lower-cased addresses with a history entry; a bad or duplicate address is a field message and writes nothing', async () => {
    const { company, admin } = await signUpCompany({ country: 'US', companyName: 'Main Street Inc' });
    const add = (email: unknown, locale: 'en' | 'fr' = 'en') => runAction(addEmergencyRecipient, { userId: admin.id, locale, input: { email } });
    expect(await add(' Security@Example.COM ')).toMatchObject({ ok: true });
    expect(await recipientsOf(company.id)).toEqual([{ email: 'security@example.com' }]);
    expect(await auditEntries(company.id, 'emergency.recipientAdded')).toEqual([
      expect.objectContaining({ card: 'company', target: 'security@example.com' }),
    ]);
    for (const bad of ['not-an-address', 'a@b', '', 'x'.repeat(250) + '@example.com', 'a\u0000@example.com']) {
      const refused = await add(bad);
      expect(refused.ok, JSON.stringify(bad)).toBeUndefined();
      expect(Object.keys((refused as { fieldErrors?: object }).fieldErrors ?? {})).toEqual(['email']);
    }
    expect(await add('nope', 'fr')).toMatchObject({ fieldErrors: { email: expect.stringMatching(/adresse e-mail/i) } });
    expect(await add('SECURITY@example.com')).toEqual({ fieldErrors: { email: 'This address is already told of emergency calls.' } });
    expect(await recipientsOf(company.id)).toEqual([{ email: 'security@example.com' }]);
    expect(await auditEntries(company.id, 'emergency.recipientAdded')).toHaveLength(1);
  });

  it(`stops at ${MAX_EMERGENCY_RECIPIENTS} addresses`, async () => {
    const { company, admin } = await signUpCompany({ country: 'US' });
    for (let i = 0; i < MAX_EMERGENCY_RECIPIENTS; i++) {
      expect((await runAction(addEmergencyRecipient, { userId: admin.id, locale: 'en', input: { email: `desk${i}@example.com` } })).ok).toBe(true);
    }
    expect(await runAction(addEmergencyRecipient, { userId: admin.id, locale: 'en', input: { email: 'one-more@example.com' } })).toEqual({
      fieldErrors: { email: `At most ${MAX_EMERGENCY_RECIPIENTS} addresses can be told of emergency calls.` },
    });
    expect(await recipientsOf(company.id)).toHaveLength(MAX_EMERGENCY_RECIPIENTS);
  });

  it("removes the company's own recipients only: another company's id is not found and stays", async () => {
    const a = await signUpCompany({ country: 'US' });
    const b = await signUpCompany({ country: 'US' });
    expect((await runAction(addEmergencyRecipient, { userId: a.admin.id, locale: 'en', input: { email: 'a@example.com' } })).ok).toBe(true);
    const added = await runAction(addEmergencyRecipient, { userId: b.admin.id, locale: 'en', input: { email: 'b@example.com' } });
    const bId = (added as { data: { id: string } }).data.id;
    expect(await runAction(removeEmergencyRecipient, { userId: a.admin.id, locale: 'en', input: { id: bId } })).toEqual({
      formError: expect.any(String),
    });
    expect(await runAction(removeEmergencyRecipient, { userId: a.admin.id, locale: 'en', input: { id: 'not-a-uuid' } })).not.toHaveProperty('ok');
    expect(await recipientsOf(b.company.id)).toEqual([{ email: 'b@example.com' }]);
    expect(await runAction(removeEmergencyRecipient, { userId: b.admin.id, locale: 'en', input: { id: bId } })).toEqual({
      ok: true,
      data: { email: 'b@example.com' },
    });
    expect(await recipientsOf(b.company.id)).toEqual([]);
    expect(await auditEntries(b.company.id, 'emergency.recipientRemoved')).toHaveLength(1);
    expect(await auditEntries(a.company.id, 'emergency.recipientRemoved')).toEqual([]);
  });
});

describe('sip.record_emergency_call (what Kamailio calls after relaying an emergency call)', () => {
  const record = async (domain: string, username: string, dialled: string, callback: string) =>
    rowsOf<{ id: string | null }>(await db().execute(sql`select sip.record_emergency_call(${domain}, ${username}, ${dialled}, ${callback}) as id`))[0]!
      .id;

  it('records the call and queues one e-mail per recipient in the same statement, in the company language and time zone', async () => {
    const { company, admin } = await signUpCompany({ country: 'US', companyName: 'Main Street Inc', timeZone: 'America/New_York' } as never);
    await db().execute(sql`update companies set locale = 'en', time_zone = 'America/New_York', emergency_street = '350 Fifth Avenue, Floor 3',
      emergency_city = 'New York', emergency_region = 'NY', emergency_postal_code = '10118', emergency_country = 'US' where id = ${company.id}`);
    for (const email of ['desk@example.com', 'security@example.com']) {
      expect((await runAction(addEmergencyRecipient, { userId: admin.id, locale: 'en', input: { email } })).ok).toBe(true);
    }
    const [me] = await db().select().from(users).where(eq(users.id, admin.id));
    const id = await record(company.sipDomain, me!.sipUsername, '911', '+12125550123');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [call] = await db().select().from(emergencyCalls).where(eq(emergencyCalls.id, id!));
    expect(call).toMatchObject({
      companyId: company.id,
      callerUserId: admin.id,
      callerName: 'Ada Admin',
      callerUsername: me!.sipUsername,
      callerExtension: '101',
      dialled: '911',
      callbackNumber: '+12125550123',
      location: '350 Fifth Avenue, Floor 3, New York, NY 10118, US',
    });
    const mail = await mailOf(company.id, 'emergency_call');
    expect(mail.map((m) => [m.toEmail, m.status, m.dedupeKey])).toEqual([
      ['desk@example.com', 'pending', `emergency-call:${id}:desk@example.com`],
      ['security@example.com', 'pending', `emergency-call:${id}:security@example.com`],
    ]);
    expect(mail[0]!.nextAttemptAt).toEqual(call!.calledAt);
    expect(mail[0]!.subject).toBe('Emergency call to 911: Ada Admin, extension 101');
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/New_York', dateStyle: 'short', timeStyle: 'medium' }).format(call!.calledAt);
    expect(mail[0]!.bodyText).toContain('Caller: Ada Admin, extension 101\nCallback number: +12125550123\n' +
      `Location: 350 Fifth Avenue, Floor 3, New York, NY 10118, US\nTime: ${local} (America/New_York)`);
  });

  it('records only codes flagged emergency in the caller country, never for an unknown caller; e-mails only where recipients exist', async () => {
    const { company, admin } = await signUpCompany({ country: 'FR' });
    const [me] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(await record(company.sipDomain, me!.sipUsername, '988', '')).toBeNull();
    expect(await record(company.sipDomain, me!.sipUsername, '116006', '')).toBeNull();
    expect(await record(company.sipDomain, 'nobody', '112', '')).toBeNull();
    expect(await record('other.example', me!.sipUsername, '112', '')).toBeNull();
    const id = await record(company.sipDomain, me!.sipUsername, '112', "'; drop table users; --");
    const [call] = await db().select().from(emergencyCalls).where(eq(emergencyCalls.id, id!));
    // Not an E.164 number: no callback number rather than a failed insert.
    expect(call).toMatchObject({ dialled: '112', callbackNumber: null, location: null });
    expect(await mailOf(company.id, 'emergency_call')).toEqual([]);
    await db().insert(emergencyRecipients).values({ companyId: company.id, email: 'accueil@example.com' });
    await db().execute(sql`update companies set emergency_street = '10 rue de Rivoli', emergency_city = 'Paris',
      emergency_postal_code = '75001', emergency_country = 'FR' where id = ${company.id}`);
    await record(company.sipDomain, me!.sipUsername, '18', '+33144000001');
    const [mail] = await mailOf(company.id, 'emergency_call');
    expect(mail!.subject).toBe('Appel d’urgence au 18 : Ada Admin, poste 101');
    expect(mail!.bodyText).toContain('Numéro de rappel : +33144000001\nEmplacement : 10 rue de Rivoli, 75001 Paris, FR\nHeure : ');
    expect(mail!.bodyText).toContain('(Europe/Paris)');
  });
});
