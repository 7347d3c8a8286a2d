import { getTranslations } from 'next-intl/server';

/** The company's SIP domain on the Company card: fixed at sign-up, every phone's realm. */
export async function SipDomain({ domain }: { domain: string }) {
  const t = await getTranslations('telephony');
  return (
    <section aria-labelledby="sip-domain-title" className="grid gap-1 rounded-lg border p-4" data-testid="sip-domain">
      <h2 id="sip-domain-title" className="font-semibold">
        {t('domainTitle')}
      </h2>
      <p>
        <code className="font-mono break-all">{domain}</code>
      </p>
      <p className="text-sm text-muted-foreground">{t('domainHelp')}</p>
    </section>
  );
}
