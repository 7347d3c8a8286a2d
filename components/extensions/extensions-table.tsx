'use client';

import { Hash, KeyRound, Pencil, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { deleteConferenceAction, deleteExtensionImpactAction, deleteRingGroupAction } from '@/lib/extensions/bindings';
import { ConfirmConsequences } from '@/components/forms/confirm-consequences';
import { useExtensionWords } from '@/components/forms/pickers';
import { IconSprite, SpriteIcon } from '@/components/icons/sprite';
import { ActionsCell } from '@/components/tables/actions-cell';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { Badge } from '@/components/ui/badge';
import { RowActionButton } from '@/components/tables/row-action-button';
import { Table, TableBody } from '@/components/ui/table';
import { Row, Cell } from '@/components/tables/cells';
import type { ExtensionRow } from '@/lib/extensions/queries';
import type { RingGroupFormInput } from '@/lib/extensions/schema';
import { ConferenceDialog } from './conference-dialog';
import { RegeneratePins } from './regenerate-pins';
import { RenumberDialog } from './renumber-dialog';
import { RingGroupDialog } from './ring-group-dialog';
import type { RingGroupLabels } from './types';
import { named } from '@/lib/format/elision';

/** What the ring-group dialog starts from when editing this row. */
function ringGroupValues(row: ExtensionRow): RingGroupFormInput {
  const group = row.ringGroup!;
  const members = group.members.map((m) => ({ userId: m.userId, ringSeconds: m.ringSeconds }));
  const noAnswer: RingGroupFormInput['noAnswer'] =
    group.noAnswer.kind === 'extension'
      ? { kind: 'extension', extensionId: group.noAnswer.extensionId }
      : { kind: 'voicemail', userId: group.noAnswer.kind === 'voicemail' ? group.noAnswer.userId : (members[0]?.userId ?? '') };
  return { name: row.name, extension: row.number, strategy: group.strategy, members, noAnswer };
}

/** The words of what the row's group points at: its members and no-answer extension, nothing more. */
function ringGroupLabels(row: ExtensionRow, words: (e: { number: string; type: ExtensionRow['type']; name: string }) => string): RingGroupLabels {
  const group = row.ringGroup!;
  const people = Object.fromEntries(group.members.map((m) => [m.userId, { name: m.name, number: m.extension }]));
  return { people, noAnswerExtension: group.noAnswer.kind === 'extension' ? words(group.noAnswer) : '' };
}

export function ExtensionsTable({
  rows,
  registrations,
}: {
  rows: ExtensionRow[];
  /** A user extension's phone registration, by user id (lib/telephony/registrations.ts). */
  registrations: Record<string, { registered: boolean; label: string }>;
}) {
  const t = useTranslations();
  const words = useExtensionWords();
  if (rows.length === 0) return <p>{t('extensions.empty')}</p>;
  const columns = [
    ...(['extension', 'type', 'name', 'rings', 'noAnswerColumn', 'directNumber'] as const).map((c) => t(`extensions.${c}`)),
    t('telephony.registration'),
  ];
  return (
    <IconSprite icons={{ pencil: Pencil, trash: Trash2, hash: Hash, key: KeyRound }}>
      <Table>
        <ColumnHeaders labels={columns} actions={t('extensions.actions')} />
        <TableBody>
          {rows.map((row) => {
            const label = row.name || row.number;
            return (
              <Row key={row.id} data-extension={row.number} data-type={row.type}>
                <Cell className="font-mono">{row.number}</Cell>
                <Cell>{t(`extensions.types.${row.type}`)}</Cell>
                <Cell className="font-medium">{label}</Cell>
                <Cell className="whitespace-normal">
                  <Rings row={row} />
                </Cell>
                <Cell className="whitespace-normal">
                  <NoAnswer row={row} />
                </Cell>
                <Cell>{row.directNumber ?? t('common.none')}</Cell>
                <Cell className="whitespace-normal" data-registered={row.userId && registrations[row.userId]?.registered ? 'yes' : 'no'}>
                  {row.userId ? registrations[row.userId]?.label : t('common.none')}
                </Cell>
                <ActionsCell>
                  {row.type === 'ring_group' && (
                    <RingGroupDialog
                      groupId={row.id}
                      values={ringGroupValues(row)}
                      labels={ringGroupLabels(row, words)}
                      trigger={
                        <RowActionButton aria-label={t('extensions.editNamed', { name: label })}>
                          <SpriteIcon name="pencil" icon={Pencil} />
                        </RowActionButton>
                      }
                    />
                  )}
                  {row.type === 'conference' && (
                    <>
                      <ConferenceDialog
                        conferenceId={row.id}
                        values={{ name: row.name, extension: row.number, maxParticipants: row.conference!.maxParticipants }}
                        trigger={
                          <RowActionButton aria-label={t('extensions.editNamed', { name: label })}>
                            <SpriteIcon name="pencil" icon={Pencil} />
                          </RowActionButton>
                        }
                      />
                      <RegeneratePins id={row.id} name={label} />
                    </>
                  )}
                  <RenumberDialog id={row.id} name={label} number={row.number} />
                  {row.type !== 'user' && (
                    <ConfirmConsequences
                      trigger={
                        <RowActionButton aria-label={t('extensions.deleteNamed', { name: label })}>
                          <SpriteIcon name="trash" icon={Trash2} />
                        </RowActionButton>
                      }
                      title={t('extensions.deleteNamed', { name: label })}
                      description={t(
                        row.type === 'ring_group' ? 'extensions.deleteRingGroupConfirm' : 'extensions.deleteConferenceConfirm',
                        { name: label, number: row.number },
                      )}
                      confirmLabel={t('extensions.delete')}
                      action={row.type === 'ring_group' ? deleteRingGroupAction : deleteConferenceAction}
                      fields={{ id: row.id }}
                      successMessage={t('extensions.deleted', { name: label })}
                      loadImpact={() => deleteExtensionImpactAction({ id: row.id })}
                      subject={label}
                    />
                  )}
                </ActionsCell>
              </Row>
            );
          })}
        </TableBody>
      </Table>
    </IconSprite>
  );
}

function Rings({ row }: { row: ExtensionRow }) {
  const t = useTranslations('extensions');
  if (row.type === 'user') return <>{t('ringsUser')}</>;
  if (row.type === 'conference') return <>{t('ringsConference', { count: row.conference!.maxParticipants })}</>;
  const group = row.ringGroup!;
  if (group.members.length === 0) return <Badge variant="destructive">{t('noMembers')}</Badge>;
  return (
    <div className="grid gap-1">
      <span>{t(`strategies.${group.strategy}`)}</span>
      <ol className="list-decimal pl-5" aria-label={t('membersOf', named(row.name))}>
        {group.members.map((m) => (
          <li key={m.userId}>
            {m.name}
            {m.extension && <span className="text-muted-foreground"> ({m.extension})</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function NoAnswer({ row }: { row: ExtensionRow }) {
  const t = useTranslations();
  if (!row.ringGroup) return <>{t('common.none')}</>;
  const target = row.ringGroup.noAnswer;
  if (target.kind === 'voicemail') return <>{t('extensions.voicemailOfName', named(target.name))}</>;
  if (target.kind === 'extension') {
    return <>{t('extensions.forwardToTarget', { number: target.number, name: target.name })}</>;
  }
  return <Badge variant="destructive">{t('extensions.noAnswerMissing')}</Badge>;
}
