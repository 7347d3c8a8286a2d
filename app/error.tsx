'use client';

// A page that failed to render: the translated 500 page (components/shell/error-page.tsx).
import { ErrorPage } from '@/components/shell/error-page';

export default ErrorPage;
