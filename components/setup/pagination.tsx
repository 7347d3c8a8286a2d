// The pager serves every paginated list, not only the setup cards: it lives with the tables.
export { Pagination } from '@/components/tables/pagination';
