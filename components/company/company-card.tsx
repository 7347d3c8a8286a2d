'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import type { CompanyDetailsInput } from '@/lib/company/schema';
import { CompanySummary } from './company-summary';

// A verified company shows its summary: the form (react-hook-form, zod, the schema) comes with Edit.
const loadForm = () => import('./company-form');
const CompanyForm = dynamic(() => loadForm().then((m) => m.CompanyForm));

/** Verified: the saved values and Edit. Otherwise: the form, whose "Save and continue" verifies it. */
export function CompanyCard(props: { verified: boolean; saved: boolean; values: CompanyDetailsInput }) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);

  if (props.verified && !editing) {
    return (
      <Card>
        <CardContent className="grid gap-4">
          <p>{t('company.verified')}</p>
          <CompanySummary values={props.values} />
          <div>
            <Button onClick={() => void loadForm().then(() => setEditing(true))}>{t('common.edit')}</Button>
          </div>
        </CardContent>
      </Card>
    );
  }
  return (
    <div className="grid gap-6">
      <CompanyForm values={props.values} onSaved={() => setEditing(false)} />
    </div>
  );
}
