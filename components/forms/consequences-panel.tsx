'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import { Select } from '@/components/ui/select';
import type { AffectedRingGroup, BrokenNoAnswer } from '@/lib/extensions/consequences';
import { named } from '@/lib/format/elision';
import type { AffectedNumber, ExtensionTarget, NumberDecision } from '@/lib/numbers/consequences';
import type { NoAnswerDecision } from '@/lib/extensions/consequences';
import { formatMoney } from '@/lib/prices/money';

/** What an impact read action returns (remove user, switch to Free, delete a ring group or bridge). */
export type Impact = {
  memberOf?: AffectedRingGroup[];
  noAnswer?: BrokenNoAnswer[];
  numbers: AffectedNumber[];
  currency: string;
  targets: ExtensionTarget[];
};

/** The admin's choices, as select values: "keep", "release", "move:<extension id>"; "", "voicemail:<user id>", "extension:<id>". */
export type Choices = { numbers: Record<string, string>; noAnswer: Record<string, string> };

export const NO_CHOICES: Choices = { numbers: {}, noAnswer: {} };

/** The hidden fields the schemas decode (decodeJsonFields): `numbers` and `noAnswer` as JSON. */
export function decisionFields(impact: Impact, choices: Choices): { numbers: string; noAnswer: string } {
  const numbers = impact.numbers.map((n): NumberDecision => {
    const value = choices.numbers[n.id] ?? 'keep';
    if (value.startsWith('move:')) return { numberId: n.id, choice: 'move', extensionId: value.slice(5) };
    return { numberId: n.id, choice: value === 'release' ? 'release' : 'keep' };
  });
  const noAnswer = (impact.noAnswer ?? []).map((g): NoAnswerDecision => {
    const [kind, id] = (choices.noAnswer[g.id] ?? '').split(':');
    if (kind === 'voicemail' && id) return { ringGroupId: g.id, target: { kind: 'voicemail', userId: id } };
    if (kind === 'extension' && id) return { ringGroupId: g.id, target: { kind: 'extension', extensionId: id } };
    return { ringGroupId: g.id, target: null };
  });
  return { numbers: JSON.stringify(numbers), noAnswer: JSON.stringify(noAnswer) };
}

/**
 * Lists what a change affects, with a choice for each number and each broken no-answer target.
 * It only edits `choices`: nothing is sent before the dialog's Confirm.
 */
export function ConsequencesPanel({
  impact,
  subject,
  choices,
  onChange,
}: {
  impact: Impact;
  /** Who or what is going away, as the headings name it. */
  subject: string;
  choices: Choices;
  onChange: (choices: Choices) => void;
}) {
  const t = useTranslations('consequences');
  const memberOf = impact.memberOf ?? [];
  const noAnswer = impact.noAnswer ?? [];
  if (memberOf.length === 0 && noAnswer.length === 0 && impact.numbers.length === 0) {
    return <p className="text-sm text-muted-foreground">{t('nothing')}</p>;
  }
  return (
    <section aria-label={t('title')} className="grid max-h-[50vh] gap-4 overflow-y-auto text-sm" data-consequences>
      {memberOf.length > 0 && (
        <p>{t('memberOf', { count: memberOf.length, groups: memberOf.map((g) => g.label).join(', ') })}</p>
      )}
      {noAnswer.length > 0 && (
        <div className="grid gap-2">
          <h3 className="font-medium">{t('noAnswerHeading', { name: subject })}</h3>
          {noAnswer.map((g) => (
            <NoAnswerChoice
              key={g.id}
              group={g}
              targets={impact.targets.filter((x) => x.id !== g.id)}
              value={choices.noAnswer[g.id] ?? ''}
              onChange={(v) => onChange({ ...choices, noAnswer: { ...choices.noAnswer, [g.id]: v } })}
            />
          ))}
        </div>
      )}
      {impact.numbers.length > 0 && (
        <div className="grid gap-2">
          <h3 className="font-medium">{t('numbersHeading', { count: impact.numbers.length, name: subject })}</h3>
          {impact.numbers.map((n) => (
            <NumberChoice
              key={n.id}
              number={n}
              currency={impact.currency}
              targets={impact.targets}
              value={choices.numbers[n.id] ?? 'keep'}
              onChange={(v) => onChange({ ...choices, numbers: { ...choices.numbers, [n.id]: v } })}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function NoAnswerChoice({
  group,
  targets,
  value,
  onChange,
}: {
  group: BrokenNoAnswer;
  targets: ExtensionTarget[];
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations('consequences');
  const id = useId();
  return (
    <div className="grid gap-1" data-no-answer={group.number}>
      <label htmlFor={id}>{t('noAnswerLabel', { group: group.label })}</label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('noAnswerNone')}</option>
        {group.members.length > 0 && (
          <optgroup label={t('voicemails')}>
            {group.members.map((m) => (
              <option key={m.id} value={`voicemail:${m.id}`}>
                {t('noAnswerVoicemail', named(m.name))}
              </option>
            ))}
          </optgroup>
        )}
        {targets.length > 0 && (
          <optgroup label={t('extensions')}>
            {targets.map((x) => (
              <option key={x.id} value={`extension:${x.id}`}>
                {t('forwardTo', { extension: x.label })}
              </option>
            ))}
          </optgroup>
        )}
      </Select>
    </div>
  );
}

function NumberChoice({
  number,
  currency,
  targets,
  value,
  onChange,
}: {
  number: AffectedNumber;
  currency: string;
  targets: ExtensionTarget[];
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations('consequences');
  const locale = useLocale();
  const id = useId();
  const cost = formatMoney(number.keepMonthlyMinor, currency, locale);
  return (
    <div className="grid gap-1" data-affected-number={number.national}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id}>{t('numberLabel', { number: number.national })}</label>
        <Badge variant={number.isMain ? 'default' : 'secondary'}>{t(number.isMain ? 'main' : 'direct')}</Badge>
      </div>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="keep">{number.keepMonthlyMinor > 0 ? t('keep', { cost }) : t('keepIncluded')}</option>
        {targets.length > 0 && (
          <optgroup label={t('extensions')}>
            {targets.map((x) => (
              <option key={x.id} value={`move:${x.id}`}>
                {t('moveTo', { extension: x.label })}
              </option>
            ))}
          </optgroup>
        )}
        {/* The server refuses it too: the main number must move to another number first. */}
        {!number.isMain && <option value="release">{t('release')}</option>}
      </Select>
      {number.isMain && <p className="text-muted-foreground">{t('mainCannotBeReleased')}</p>}
    </div>
  );
}
