import { useTranslations } from 'next-intl';
import { TextField, type TextFieldPropsWithout } from '@/components/forms/text-field';

/**
 * The password a person chooses (sign-up, activation): the password rules as its hint, and
 * `new-password` so password managers offer to generate and store it.
 */
export function NewPasswordField(props: TextFieldPropsWithout<'type' | 'autoComplete' | 'description' | 'required'>) {
  const t = useTranslations('auth');
  return <TextField description={t('passwordHint')} required type="password" autoComplete="new-password" {...props} />;
}
