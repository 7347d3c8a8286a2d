import { useTranslations } from 'next-intl';
import { TextField, type TextFieldPropsWithout } from '@/components/forms/text-field';
import { EXTENSION_NAME_MAX } from '@/lib/extensions/schema';

/** The name of a ring group or conference bridge: required, capped at the schema's limit, never autofilled. */
export function ExtensionNameField(props: TextFieldPropsWithout<'label' | 'required' | 'maxLength' | 'autoComplete'>) {
  const t = useTranslations('extensions');
  return <TextField label={t('name')} required maxLength={EXTENSION_NAME_MAX} autoComplete="off" {...props} />;
}
