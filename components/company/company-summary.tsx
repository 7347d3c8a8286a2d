import { useTranslations } from 'next-intl';
import type { CompanyDetailsInput } from '@/lib/company/schema';

export function CompanySummary({ values }: { values: CompanyDetailsInput }) {
  const t = useTranslations();
  const rows: [string, string][] = [
    [t('company.name'), values.name ?? ''],
    [t('company.country'), t(`countries.${values.country}`)],
    [t('company.timeZone'), values.timeZone ?? ''],
    [t('company.locale'), t(`app.languageNames.${values.locale}`)],
    [t('company.extensionLength'), t('company.extensionLengthOption', { digits: String(values.extensionLength) })],
    [
      t('company.emergency'),
      [values.street, `${values.postalCode} ${values.city}`, values.region, values.addressCountry].filter(Boolean).join(', '),
    ],
  ];
  return (
    <dl className="grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-6">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
