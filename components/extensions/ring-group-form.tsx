'use client';

import { useTranslations } from 'next-intl';
import { useState, type ComponentProps } from 'react';
import { createRingGroupAction, updateRingGroupAction } from '@/lib/extensions/bindings';
import { FormError } from '@/components/forms/form-error';
import { ExtensionPicker } from '@/components/forms/pickers';
import { SaveFooter } from '@/components/forms/save-footer';
import { bindFields, ExtensionField } from '@/components/forms/text-field';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/shell/toast';
import { RING_STRATEGIES, ringGroupSchema, type RingGroupFormInput } from '@/lib/extensions/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { MemberList } from './member-list';
import { ExtensionNameField } from './name-field';
import type { PersonLabel, RingGroupLabels } from './types';

type Props = {
  /** Editing an existing ring group when set; adding otherwise. */
  groupId?: string;
  values: RingGroupFormInput;
  /** Only what is already chosen comes with the page; the pickers search the rest. */
  labels: RingGroupLabels;
  onDone: () => void;
};

/** The Add / Edit ring group form ("Groupe d'appels"). */
export function RingGroupForm({ groupId, values, labels, onDone }: Props) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: ringGroupSchema,
    action: groupId ? updateRingGroupAction : createRingGroupAction,
    defaultValues: values,
    onSuccess: () => {
      toast.success(t(groupId ? 'extensions.ringGroupSaved' : 'extensions.ringGroupAdded'));
      onDone();
    },
  });
  const members = form.watch('members') ?? [];
  const noAnswer = form.watch('noAnswer');
  const kind = noAnswer?.kind ?? 'voicemail';
  const voicemailUserId = noAnswer && 'userId' in noAnswer ? noAnswer.userId : '';
  const extensionId = noAnswer && 'extensionId' in noAnswer ? noAnswer.extensionId : '';
  // Everyone the form has words for: the members it opened with, then each one added.
  const [people, setPeople] = useState<Record<string, PersonLabel>>(labels.people);
  const [targetLabel, setTargetLabel] = useState(labels.noAnswerExtension);
  const first = (...names: string[]) => names.map(errorOf).find(Boolean);
  const field = bindFields(form, errorOf);

  // What the server action gets: the ordered members and the target, as the schema's JSON fields.
  const membersJson = JSON.stringify(members.map((m) => ({ userId: m.userId, ringSeconds: m.ringSeconds })));
  const noAnswerJson = JSON.stringify(
    kind === 'extension' ? { kind, extensionId: extensionId ?? '' } : { kind: 'voicemail', userId: voicemailUserId ?? '' },
  );

  // The voicemail is a member's: keep it pointing at someone who is still in the list.
  const onMembersChange = (userIds: string[]) => {
    const current = form.getValues('noAnswer');
    if (current?.kind !== 'voicemail') return;
    if (!current.userId || !userIds.includes(current.userId)) {
      form.setValue('noAnswer', { kind: 'voicemail', userId: userIds[0] ?? '' });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      <FormError message={state.formError} />
      {groupId && <input type="hidden" name="id" value={groupId} />}
      <input type="hidden" name="members" value={membersJson} />
      <input type="hidden" name="noAnswer" value={noAnswerJson} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <ExtensionNameField id="rg-name" {...field('name')} />
        <ExtensionField
          id="rg-extension"
          label={t('extensions.extension')}
          description={t('extensions.ringGroupExtensionHint')}
          {...field('extension')}
        />
      </div>

      <MemberList
        form={form}
        people={people}
        onPicked={(userId, person) => setPeople((known) => ({ ...known, [userId]: person }))}
        error={first('members', 'members.root')}
        errorOf={errorOf}
        onMembersChange={onMembersChange}
      />

      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium">{t('extensions.strategy')}</legend>
        {RING_STRATEGIES.map((s) => (
          <div key={s} className="flex items-start gap-2">
            <input
              id={`strategy-${s}`}
              type="radio"
              value={s}
              className="mt-1 size-4 accent-primary"
              aria-describedby={`strategy-${s}-hint`}
              {...form.register('strategy')}
            />
            <div>
              <label htmlFor={`strategy-${s}`} className="font-medium">
                {t(`extensions.strategies.${s}`)}
              </label>
              <p id={`strategy-${s}-hint`} className="text-sm text-muted-foreground">
                {t(`extensions.strategyHints.${s}`)}
              </p>
            </div>
          </div>
        ))}
        {errorOf('strategy') && (
          <p role="alert" className="text-sm text-destructive">
            {errorOf('strategy')}
          </p>
        )}
      </fieldset>

      <fieldset className="grid gap-3" aria-describedby={first('noAnswer', 'noAnswer.userId', 'noAnswer.extensionId') ? 'no-answer-error' : undefined}>
        <legend className="mb-1 font-medium">{t('extensions.noAnswer')}</legend>
        <RadioOption
          id="no-answer-voicemail"
          value="voicemail"
          label={t('extensions.noAnswerVoicemail')}
          {...form.register('noAnswer.kind', {
            onChange: () => form.setValue('noAnswer.userId', voicemailUserId || members[0]?.userId || ''),
          })}
        />
        {kind === 'voicemail' && (
          <FormField id="no-answer-user" label={t('extensions.voicemailOf')} className="ml-6">
            <Select
              value={voicemailUserId ?? ''}
              onChange={(e) => form.setValue('noAnswer.userId', e.target.value, { shouldValidate: true })}
            >
              <option value="">{members.length ? t('extensions.chooseMember') : t('extensions.addMembersFirst')}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {people[m.userId]?.name ?? ''}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <RadioOption id="no-answer-extension" value="extension" label={t('extensions.noAnswerExtension')} {...form.register('noAnswer.kind')} />
        {kind === 'extension' && (
          <FormField id="no-answer-target" label={t('extensions.forwardTo')} className="ml-6">
            <ExtensionPicker
              value={extensionId ?? ''}
              valueLabel={extensionId ? targetLabel : ''}
              placeholder={t('extensions.chooseExtension')}
              searchLabel={t('extensions.forwardTo')}
              exclude={groupId ? [groupId] : []}
              onChange={(o) => {
                setTargetLabel(o.label);
                form.setValue('noAnswer.extensionId', o.value, { shouldValidate: true });
              }}
            />
          </FormField>
        )}
        {first('noAnswer', 'noAnswer.userId', 'noAnswer.extensionId') && (
          <p id="no-answer-error" role="alert" className="text-sm text-destructive">
            {first('noAnswer', 'noAnswer.userId', 'noAnswer.extensionId')}
          </p>
        )}
      </fieldset>

      <SaveFooter pending={pending} className="flex justify-end gap-2" />
    </form>
  );
}

/** One choice of the no-answer radio group, its label beside it. */
function RadioOption({ id, label, ...input }: ComponentProps<'input'> & { id: string; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="radio" className="size-4 accent-primary" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
