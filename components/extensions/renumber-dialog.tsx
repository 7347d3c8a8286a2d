'use client';

import { Hash } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { SpriteIcon } from '@/components/icons/sprite';
import type { ReactNode } from 'react';
import { renumberExtensionAction } from '@/lib/extensions/bindings';
import { FormDialog } from '@/components/forms/form-dialog';
import { FormError } from '@/components/forms/form-error';
import { SaveFooter } from '@/components/forms/save-footer';
import { bindFields, ExtensionField } from '@/components/forms/text-field';
import { RowActionButton } from '@/components/tables/row-action-button';
import { toast } from '@/components/ui/toast';
import { renumberSchema } from '@/lib/extensions/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { named } from '@/lib/format/elision';

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
    >
      {(close) => <RenumberForm id={id} number={number} onDone={close} />}
    </FormDialog>
  );
}

function RenumberForm({ id, number, onDone }: { id: string; number: string; onDone: () => void }) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: renumberSchema,
    action: renumberExtensionAction,
    defaultValues: { id, extension: number },
    onSuccess: () => {
      toast.success(t('extensions.renumbered'));
      onDone();
    },
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <input type="hidden" {...form.register('id')} />
      <ExtensionField id="renumber-extension" label={t('extensions.newExtension')} {...field('extension')} />
      <SaveFooter pending={pending} className="flex justify-end" />
    </form>
  );
}
