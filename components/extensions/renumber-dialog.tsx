'use client';

import { Hash } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { SpriteIcon } from '@/components/icons/sprite';
import type { ReactNode } from 'react';
import { FormDialog } from '@/components/forms/form-dialog';
import { lazyModule } from '@/components/forms/lazy-module';
import { RowActionButton } from '@/components/tables/row-action-button';
import { named } from '@/lib/format/elision';

const renumberForm = lazyModule(() => import('./renumber-form'));

/**
 * Change extension: any type. Everything that points at the extension keeps pointing at it.
 * `trigger` replaces the table's icon button (the Extensions card's list of numbers to renumber).
 */
export function RenumberDialog({ id, name, number, trigger }: { id: string; name: string; number: string; trigger?: ReactNode }) {
  const t = useTranslations('extensions');
  return (
    <FormDialog
      trigger={
        trigger ?? (
          <RowActionButton aria-label={t('renumberNamed', named(name))}>
            <SpriteIcon name="hash" icon={Hash} />
          </RowActionButton>
        )
      }
      title={t('renumberNamed', named(name))}
      description={t('renumberDescription', { number })}
      form={renumberForm}
    >
      {(close) => {
        const { RenumberForm } = renumberForm.ready();
        return <RenumberForm id={id} number={number} onDone={close} />;
      }}
    </FormDialog>
  );
}
