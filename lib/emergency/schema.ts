import '@/lib/zod-jitless';
import { z } from 'zod';
import { emailField, textField, uuidField } from '@/lib/forms/fields';

// Shared by the Company card's emergency section and its actions (messages are i18n keys).

export const addRecipientSchema = z.object({ email: emailField });
export const removeRecipientSchema = z.object({ id: uuidField('errors.notFound') });
/** The version of the text the admin was shown, so an outdated page cannot accept a newer text. */
export const acknowledgeNoticeSchema = z.object({ version: textField().min(1, { error: 'errors.required' }).max(40, { error: 'errors.invalid' }) });
