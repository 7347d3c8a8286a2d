'use client';

import dynamic from 'next/dynamic';

// A page that failed to render: the translated 500 page (components/shell/error-page.tsx),
// fetched only then: every page's first load carries this boundary, not the page behind it.
export default dynamic(() => import('@/components/shell/error-page').then((m) => m.ErrorPage));
