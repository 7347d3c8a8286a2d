import { ComingSoonCard } from '@/components/setup/coming-soon-card';

export default function Page() {
  return <ComingSoonCard card="team" />;
}
