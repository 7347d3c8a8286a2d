'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { freeLicenceImpactAction } from '@/lib/team/bindings';
import type { FreeLicenceImpact } from '@/lib/team/licence';
import { formatMoney } from '@/lib/prices/money';

/**
 * Editing an Office user to Free on the Team card: what that changes, said before Save (their
 * numbers stay the company's, unassigned, with what they will cost; their desk phone goes back).
 * Moving or releasing those numbers instead is one dialog away, on the Licences card.
 */
export function FreeSwitchNotice({ userId }: { userId: string }) {
  const t = useTranslations('team.freeSwitch');
  const locale = useLocale();
  const [impact, setImpact] = useState<FreeLicenceImpact | null>(null);
  useEffect(() => {
    let live = true;
    void freeLicenceImpactAction({ id: userId }).then((state) => {
      if (live && state.ok) setImpact(state.data);
    });
    return () => {
      live = false;
    };
  }, [userId]);
  if (!impact) return null;
  return (
    <div role="status" className="grid gap-1 rounded-md border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" data-free-switch>
      {impact.numbers.map((n) => (
        <p key={n.id}>
          {n.keepMonthlyMinor > 0
            ? t('numberKept', { number: n.national, name: impact.name, cost: formatMoney(n.keepMonthlyMinor, impact.currency, locale) })
            : t('numberKeptIncluded', { number: n.national, name: impact.name })}
          {n.isMain ? ` ${t('mainNumber')}` : ''}
        </p>
      ))}
      {impact.deviceModel && <p>{t('deskPhone', { model: impact.deviceModel })}</p>}
      {impact.numbers.length > 0 && (
        <p>
          <Link href="/setup/licences" className="underline underline-offset-4">
            {t('moveOrRelease')}
          </Link>
        </p>
      )}
    </div>
  );
}
