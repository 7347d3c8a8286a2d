'use client';

import { Pencil, Shield, ShieldOff, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { removeUserAction, removeUserImpactAction, setRoleAction } from '@/lib/team/bindings';
import { IconSprite, SpriteIcon } from '@/components/icons/sprite';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { ConfirmConsequences } from '@/components/forms/confirm-consequences';
import { ActionsCell } from '@/components/tables/actions-cell';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { RowActionButton } from '@/components/tables/row-action-button';
// Row controls show on hover like RingCentral's pencil, and whenever a control in the row has focus (RowActionButton's reveal).
import { Badge } from '@/components/ui/badge';
import { Table, TableBody } from '@/components/ui/table';
import { Row, Cell } from '@/components/tables/cells';
import { fullName } from '@/lib/format/person';
import { APP_ONLY } from '@/lib/team/choices';
import type { DeviceOption, SiteOption, TeamRow } from './types';
import { UserDialog } from './user-dialog';
import { named } from '@/lib/format/elision';


export function TeamTable({
  rows,
  devices,
  sites,
  actorId,
  registrations,
}: {
  rows: TeamRow[];
  devices: DeviceOption[];
  sites: SiteOption[];
  actorId: string;
  /** Each row's phone registration, as the SIP server has it (lib/telephony/registrations.ts). */
  registrations: Record<string, { registered: boolean; label: string }>;
}) {
  const t = useTranslations();
  // The site says something only when there are several; the floor/room always does.
  const location = (row: TeamRow) =>
    [sites.length > 1 ? row.siteName : null, row.floorRoom].filter(Boolean).join(' · ') || t('common.none');
  return (
    <IconSprite icons={{ pencil: Pencil, shield: Shield, shieldOff: ShieldOff, trash: Trash2 }}>
      <Table>
        <ColumnHeaders
          labels={[t('team.name'), t('auth.email'), t('team.extension'), t('team.licence'), t('team.phone'), t('team.location'), t('telephony.registration'), t('team.role')]}
          actions={t('team.actions')}
        />
        <TableBody>
          {rows.map((row) => {
            const name = fullName(row);
            const self = row.id === actorId;
            return (
              <Row key={row.id} className="group" data-user={row.email}>
                <Cell className="font-medium">{name}</Cell>
                <Cell>{row.email}</Cell>
                <Cell>{row.extension ?? t('common.none')}</Cell>
                <Cell>{t(`team.licences.${row.licence}`)}</Cell>
                <Cell>
                  {row.licence === 'free' ? t('common.none') : row.device ? row.device.model : t('team.appOnly')}
                </Cell>
                <Cell data-site={row.siteName}>{location(row)}</Cell>
                <Cell data-registered={registrations[row.id]?.registered ? 'yes' : 'no'} className="whitespace-normal">
                  {registrations[row.id]?.label}
                </Cell>
                <Cell>
                  {row.role === 'admin' ? <Badge variant="secondary">{t('team.roles.admin')}</Badge> : t('team.roles.member')}
                </Cell>
                <ActionsCell>
                  <UserDialog
                    userId={row.id}
                    values={{
                      firstName: row.firstName,
                      lastName: row.lastName,
                      email: row.email,
                      licence: row.licence,
                      extension: row.extension ?? '',
                      phone: row.licence === 'free' ? '' : (row.device?.id ?? APP_ONLY),
                      siteId: row.siteId,
                      floorRoom: row.floorRoom ?? '',
                    }}
                    devices={row.device ? [row.device, ...devices] : devices}
                    sites={sites}
                    trigger={
                      <RowActionButton reveal aria-label={t('team.editNamed', { name })}>
                        <SpriteIcon name="pencil" icon={Pencil} />
                      </RowActionButton>
                    }
                  />
                  <ConfirmAction
                    destructive={false}
                    trigger={
                      <RowActionButton reveal aria-label={t(row.role === 'admin' ? 'team.demoteNamed' : 'team.promoteNamed', { name })}>
                        {row.role === 'admin' ? <SpriteIcon name="shieldOff" icon={ShieldOff} /> : <SpriteIcon name="shield" icon={Shield} />}
                      </RowActionButton>
                    }
                    title={t(row.role === 'admin' ? 'team.demoteNamed' : 'team.promoteNamed', { name })}
                    description={t(row.role === 'admin' ? 'team.demoteConfirm' : 'team.promoteConfirm', { name })}
                    confirmLabel={t(row.role === 'admin' ? 'team.demote' : 'team.promote')}
                    action={setRoleAction}
                    fields={{ id: row.id, role: row.role === 'admin' ? 'member' : 'admin' }}
                    successMessage={t('team.roleChanged', named(name))}
                  />
                  {!self && (
                    <ConfirmConsequences
                      trigger={
                        <RowActionButton reveal aria-label={t('team.removeNamed', { name })}>
                          <SpriteIcon name="trash" icon={Trash2} />
                        </RowActionButton>
                      }
                      title={t('team.removeNamed', { name })}
                      description={t('team.removeConfirm', { name, extension: row.extension ?? '' })}
                      confirmLabel={t('team.remove')}
                      action={removeUserAction}
                      fields={{ id: row.id }}
                      successMessage={t('team.removed', { name })}
                      loadImpact={() => removeUserImpactAction({ id: row.id })}
                      subject={name}
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
