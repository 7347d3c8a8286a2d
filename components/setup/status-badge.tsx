import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { CardStatus } from '@/lib/setup/cards';

const variant = { not_started: 'outline', in_progress: 'secondary', verified: 'success' } as const;

export async function StatusBadge({ status }: { status: CardStatus }) {
  const t = await getTranslations('setup.status');
  return (
    <Badge variant={variant[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}
