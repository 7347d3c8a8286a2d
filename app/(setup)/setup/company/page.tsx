import { eq } from 'drizzle-orm';
import { CompanyCard } from '@/components/company/company-card';
import { CardPage } from '@/components/setup/card-page';
import { db } from '@/db';
import { first } from '@/db/rows';
import { companies } from '@/db/schema';
import { requireAdmin } from '@/lib/auth/session';
import { getSetupProgress } from '@/lib/setup/cards';
import { SipDomain } from '@/components/telephony/sip-domain';
import { EmergencySection } from '@/components/company/emergency-section';
import { getEmergencyDuties } from '@/lib/emergency/duties';
import { isLocale } from '@/lib/i18n/locales';
import { getLocale } from 'next-intl/server';

export default async function CompanyPage() {
  const actor = await requireAdmin('/setup/company');
  const [company, progress, duties, rawLocale] = await Promise.all([
    db().select().from(companies).where(eq(companies.id, actor.companyId)).then(first),
    getSetupProgress(actor.companyId),
    getEmergencyDuties(actor.companyId),
    getLocale(),
  ]);
  return (
    <CardPage card="company" progress={progress}>
      <CompanyCard
        verified={progress.company === 'verified'}
        saved={Boolean(company.emergencyStreet)}
        values={{
          name: company.name,
          country: company.country as never,
          timeZone: company.timeZone,
          locale: company.locale as never,
          extensionLength: String(company.extensionLength) as never,
          street: company.emergencyStreet ?? '',
          city: company.emergencyCity ?? '',
          postalCode: company.emergencyPostalCode ?? '',
          region: company.emergencyRegion ?? '',
          addressCountry: (company.emergencyCountry ?? company.country) as never,
        }}
      />
      <EmergencySection duties={duties} locale={isLocale(rawLocale) ? rawLocale : 'fr'} timeZone={company.timeZone} />
      <SipDomain domain={company.sipDomain} />
    </CardPage>
  );
}
