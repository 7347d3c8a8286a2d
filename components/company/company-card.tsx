'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { verifyCompanyAction } from '@/lib/company/bindings';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import type { CompanyDetailsInput } from '@/lib/company/schema';
import { CompanyForm } from './company-form';
import { CompanySummary } from './company-summary';

/** Verified: the saved values and Edit. Otherwise: the form, then Verify once saved. */
export function CompanyCard(props: { verified: boolean; saved: boolean; values: CompanyDetailsInput }) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  const [verifyState, verify, verifying] = useActionState(verifyCompanyAction, {});

  if (props.verified && !editing) {
    return (
      <Card>
        <CardContent className="grid gap-4">
          <p>{t('company.verified')}</p>
          <CompanySummary values={props.values} />
          <div>
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          </div>
        </CardContent>
      </Card>
    );
  }
  return (
    <div className="grid gap-6">
      <CompanyForm values={props.values} onSaved={() => setEditing(false)} />
      {!props.verified && (
        <form action={verify} className="grid gap-2 border-t pt-4">
          <FormError message={verifyState.formError} />
          <p className="text-sm text-muted-foreground">{props.saved ? t('company.verifyHint') : t('company.notSaved')}</p>
          <div>
            <Button type="submit" disabled={verifying || !props.saved}>
              {t('common.verify')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
