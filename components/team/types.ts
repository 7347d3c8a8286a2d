/** What the Team card's client components get from the server page: the query's own row types. */
export type { SiteOption, TeamDevice as DeviceOption, TeamRow } from '@/lib/team/queries';
