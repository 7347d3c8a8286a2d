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
import { SitesSection } from '@/components/company/sites-section';
import { siteAddressLine, sitesOf } from '@/lib/sites/queries';

export default async function CompanyPage() {
  const actor = await requireAdmin('/setup/company');
  const [company, progress, duties, rawLocale, sites] = await Promise.all([
    db().select().from(companies).where(eq(companies.id, actor.companyId)).then(first),
    getSetupProgress(actor.companyId),
    getEmergencyDuties(actor.companyId),
    getLocale(),
    sitesOf(db(), actor.companyId),
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
      <SitesSection
        country={company.country as never}
        sites={sites.map((s) => ({
          id: s.id,
          name: s.name,
          isFirst: s.isFirst,
          street: s.street,
          city: s.city,
          postalCode: s.postalCode,
          region: s.region,
          timeZone: s.timeZone,
          address: siteAddressLine(s),
          userCount: s.userCount,
        }))}
      />
      <EmergencySection duties={duties} locale={isLocale(rawLocale) ? rawLocale : 'fr'} timeZone={company.timeZone} />
      <SipDomain domain={company.sipDomain} />
    </CardPage>
  );
}
