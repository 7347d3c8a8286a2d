import { performance } from 'node:perf_hooks';
import { nextFree } from '@/lib/extensions/numbering';
import { parseUserCsv } from '@/lib/team/import';
const rules = { length: 4, country: 'FR' } as const;
let t = performance.now();
const used = new Set<string>(['1010']);
for (let i = 0; i < 1000; i++) used.add(nextFree('user', rules, used)!);
console.log('nextFree x1000', performance.now() - t);
const csv = ['Prénom;Nom;E-mail;Type de licence;Poste', ...Array.from({length:1000},(_, i)=>`É${i};L${i};i${i}@example.com;Office;`)].join('\r\n');
for (let k=0;k<3;k++){ t = performance.now(); parseUserCsv(csv); console.log('parse', performance.now() - t); }
