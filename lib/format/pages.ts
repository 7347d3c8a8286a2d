/** Where a paginated list stands: the page shown, how many pages there are (at least one), the total. */
export function pageInfo(page: number, total: number, pageSize: number) {
  return { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}
