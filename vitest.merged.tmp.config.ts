// TEMPORARY (team engineer, local runs only): reads catalogs merged with messages/*.<l>.json.
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  resolve: {
    alias: [
      { find: '@/messages/en.json', replacement: '/tmp/sbmsg/en.json' },
      { find: '@/messages/fr.json', replacement: '/tmp/sbmsg/fr.json' },
      { find: /^@\//, replacement: path.resolve(import.meta.dirname) + '/' },
    ],
  },
});
