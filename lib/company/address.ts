// The per-country address rules moved to lib/sites/address.ts (every site's address follows
// them, the company's first site included); kept here so existing imports keep working.
export * from '@/lib/sites/address';
