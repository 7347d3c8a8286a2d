'use client';

import dynamic from 'next/dynamic';
import './globals.css';

// Fetched only when the root layout fails: every page's first load carries this boundary, and
// the page itself (components/shell/global-error-page.tsx) brings the button styles with it.
export default dynamic(() => import('@/components/shell/global-error-page').then((m) => m.GlobalErrorPage));
