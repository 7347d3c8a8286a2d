'use client';

import { useTranslations } from 'next-intl';
import { renumberExtensionAction } from '@/lib/extensions/bindings';
import { FormError } from '@/components/forms/form-error';
import { SaveFooter } from '@/components/forms/save-footer';
import { bindFields, ExtensionField } from '@/components/forms/text-field';
import { toast } from '@/components/shell/toast';
import { renumberSchema } from '@/lib/extensions/schema';
import { useActionForm } from '@/lib/forms/use-action-form';

/** The Change extension dialog's form, loaded when the dialog first opens. */
export function RenumberForm({ id, number, onDone }: { id: string; number: string; onDone: () => void }) {
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
