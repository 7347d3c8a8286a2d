'use client';

import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { MEMBERS, RING_SECONDS, type RingGroupForm, type RingGroupFormInput } from '@/lib/extensions/schema';
import { ServerCombobox } from '@/components/forms/server-combobox';
import { useUserSearch } from '@/components/forms/pickers';
import type { PersonLabel } from './types';

type Form = UseFormReturn<RingGroupFormInput, unknown, RingGroupForm>;

// Move up and Move down are one button but for their direction.
const MOVES = [
  { direction: 'up', label: 'moveUp', Icon: ArrowUp },
  { direction: 'down', label: 'moveDown', Icon: ArrowDown },
] as const;

/**
 * The members of a ring group: added one at a time with the "Add a member" picker (searched on
 * the server, so a large team is never listed), then the ordered list: ring time, remove, and
 * reorder with Move up / Move down buttons (keyboard and mouse alike). Each change is
 * announced, and focus stays on the moved member's button so the next press moves it again.
 */
export function MemberList({
  form,
  people,
  onPicked,
  error,
  errorOf,
  onMembersChange,
}: {
  form: Form;
  /** Names by user id: the members the form opened with and each one added since. */
  people: Record<string, PersonLabel>;
  onPicked: (userId: string, person: PersonLabel) => void;
  error?: string;
  errorOf: (name: string) => string | undefined;
  onMembersChange: (userIds: string[]) => void;
}) {
  const t = useTranslations('extensions');
  const tf = useTranslations('flow');
  const tc = useTranslations('picker');
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'members' });
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const pickerId = useId();
  const focusNext = useRef<{ userId: string; direction: 'up' | 'down' } | { picker: true } | null>(null);
  // What the last answers said about each person, so a pick keeps their name and extension.
  const found = useRef(new Map<string, PersonLabel>());
  const search = useUserSearch(undefined, (u) => {
    found.current.set(u.id, { name: u.name, number: u.extension });
    return { value: u.id, label: u.extension ? `${u.name} (${u.extension})` : u.name, hint: u.email };
  });
  const chosen = new Set(fields.map((f) => f.userId));
  const full = fields.length >= MEMBERS.max;
  const nameOf = (userId: string) => people[userId]?.name ?? '';

  // After a move React re-renders the list; focus follows the member that moved.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if ('picker' in target) return document.getElementById(pickerId)?.focus();
    const same = buttons.current.get(`${target.userId}:${target.direction}`);
    const other = buttons.current.get(`${target.userId}:${target.direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [fields, pickerId]);

  const moveMember = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const userId = fields[index]?.userId;
    if (to < 0 || to >= fields.length || !userId) return;
    move(index, to);
    focusNext.current = { userId, direction };
    setAnnouncement(t('memberMoved', { name: nameOf(userId), position: to + 1, count: fields.length }));
  };

  const add = (userId: string, person: PersonLabel) => {
    if (chosen.has(userId) || full) return;
    onPicked(userId, person);
    append({ userId, ringSeconds: RING_SECONDS.default });
    setAnnouncement(t('memberAdded', { name: person.name, position: fields.length + 1, count: fields.length + 1 }));
    onMembersChange([...fields.map((f) => f.userId), userId]);
  };

  const removeAt = (index: number) => {
    const userId = fields[index]?.userId;
    if (!userId) return;
    remove(index);
    // The member's buttons are gone: focus goes to the picker, ready to add someone else.
    focusNext.current = { picker: true };
    setAnnouncement(t('memberRemoved', { name: nameOf(userId) }));
    onMembersChange(fields.filter((_, i) => i !== index).map((f) => f.userId));
  };

  return (
    <fieldset className="grid gap-3" aria-describedby="members-hint">
      <legend className="mb-1 font-medium">
        {t('members')}
        <span aria-hidden="true" className="text-destructive">
          *
        </span>
      </legend>
      <p id="members-hint" className="text-sm text-muted-foreground">
        {t('membersHint', { max: MEMBERS.max })}
      </p>
      {fields.length === 0 ? (
        <p className="text-sm">{t('noMembersYet')}</p>
      ) : (
        <ol className="grid gap-2" aria-label={t('memberOrder')}>
          {fields.map((field, index) => {
            const person = people[field.userId];
            const name = person?.name ?? '';
            const ringId = `member-${index}-ring`;
            const ringError = errorOf(`members.${index}.ringSeconds`);
            return (
              <li
                key={field.id}
                data-member={name}
                className="grid gap-2 rounded-md border p-2 sm:grid-cols-[1fr_auto_auto] sm:items-center"
              >
                <span className="font-medium">
                  <span aria-hidden="true">{index + 1}. </span>
                  {name}
                  {person?.number && <span className="text-muted-foreground"> ({person.number})</span>}
                </span>
                <div className="flex items-center gap-2">
                  <Label htmlFor={ringId} className="text-sm font-normal">
                    {t('ringSeconds')}
                    <span className="sr-only"> {t('forMember', { name })}</span>
                  </Label>
                  <Input
                    id={ringId}
                    type="number"
                    inputMode="numeric"
                    min={RING_SECONDS.min}
                    max={RING_SECONDS.max}
                    className="w-20"
                    aria-invalid={Boolean(ringError)}
                    aria-describedby={ringError ? `${ringId}-error` : undefined}
                    {...form.register(`members.${index}.ringSeconds`)}
                  />
                </div>
                <div className="flex gap-1">
                  {MOVES.map(({ direction, label, Icon }) => (
                    <Button
                      key={direction}
                      type="button"
                      variant="outline"
                      size="icon"
                      aria-label={t(label, { name })}
                      disabled={direction === 'up' ? index === 0 : index === fields.length - 1}
                      ref={(el) => void buttons.current.set(`${field.userId}:${direction}`, el)}
                      onClick={() => moveMember(index, direction)}
                    >
                      <Icon aria-hidden />
                    </Button>
                  ))}
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={t('removeMember', { name })}
                    onClick={() => removeAt(index)}
                  >
                    <X aria-hidden />
                  </Button>
                </div>
                {ringError && (
                  <p id={`${ringId}-error`} role="alert" className="text-sm text-destructive sm:col-span-3">
                    {ringError}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="grid gap-2">
        <Label htmlFor={pickerId}>{tf('pickMembers')}</Label>
        <ServerCombobox
          id={pickerId}
          value=""
          valueLabel=""
          placeholder={full ? t('membersHint', { max: MEMBERS.max }) : tc('addMemberPlaceholder')}
          searchLabel={tc('addMember')}
          search={search}
          exclude={[...chosen]}
          disabled={full}
          stayOpen
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'members-error' : undefined}
          onChange={(o) => add(o.value, found.current.get(o.value) ?? { name: o.label, number: null })}
        />
      </div>
      {error && (
        <p id="members-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
