import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, fieldForHeader, parseLicence, parseUserCsv, type CsvRow, type ParsedCsv } from '@/lib/team/import-parse';

function rowsOf(parsed: ParsedCsv): CsvRow[] {
  if (!parsed.ok) throw new Error(`expected rows, got ${JSON.stringify(parsed.error)}`);
  return parsed.rows;
}

describe('parseUserCsv', () => {
  it('reads a comma-separated file with English headers', () => {
    const parsed = parseUserCsv(
      'First name,Last name,Email,License,Extension\nAda,Lovelace,ADA@Example.com,Office,101\nAlan,Turing,alan@example.com,Free,\n',
    );
    expect(parsed).toMatchObject({ ok: true, delimiter: ',' });
    expect(rowsOf(parsed)).toEqual([
      { line: 2, firstName: 'Ada', lastName: 'Lovelace', email: 'ADA@Example.com', licence: 'Office', extension: '101' },
      { line: 3, firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com', licence: 'Free', extension: '' },
    ]);
  });

  it('reads a semicolon-separated file with French, accented headers and accented names', () => {
    const parsed = parseUserCsv(
      'Prénom;Nom;E-mail;Type de licence;Poste\r\nÉloïse;Lefèvre;eloise@exemple.fr;Gratuite;102\r\nGaëlle;Noël;gaelle@exemple.fr;Office;103\r\n',
    );
    expect(parsed).toMatchObject({ ok: true, delimiter: ';' });
    expect(rowsOf(parsed)).toEqual([
      { line: 2, firstName: 'Éloïse', lastName: 'Lefèvre', email: 'eloise@exemple.fr', licence: 'Gratuite', extension: '102' },
      { line: 3, firstName: 'Gaëlle', lastName: 'Noël', email: 'gaelle@exemple.fr', licence: 'Office', extension: '103' },
    ]);
  });

  it('strips a UTF-8 BOM before the first header', () => {
    const rows = rowsOf(parseUserCsv('\uFEFFPrénom;Nom;E-mail\nÉloïse;Lefèvre;eloise@exemple.fr\n'));
    expect(rows).toEqual([
      { line: 2, firstName: 'Éloïse', lastName: 'Lefèvre', email: 'eloise@exemple.fr', licence: '', extension: '' },
    ]);
  });

  it('keeps the delimiter inside quoted fields, and escaped quotes', () => {
    const comma = rowsOf(parseUserCsv('First name,Last name,Email\n"Jean, Jr.","O""Brien, Sr.",jean@example.com\n'));
    expect(comma[0]).toMatchObject({ firstName: 'Jean, Jr.', lastName: 'O"Brien, Sr.' });
    const semicolon = rowsOf(parseUserCsv('Prénom;Nom;E-mail\n"Marie; Anne";"de la Tour";marie@exemple.fr\n'));
    expect(semicolon[0]).toMatchObject({ firstName: 'Marie; Anne', lastName: 'de la Tour' });
  });

  it('detects the delimiter from the header even when data rows contain the other one', () => {
    const parsed = parseUserCsv('Prénom;Nom;E-mail\nJean, dit Jeannot;Dupont, fils;jean@exemple.fr\n');
    expect(parsed).toMatchObject({ ok: true, delimiter: ';' });
    expect(rowsOf(parsed)[0]).toMatchObject({ firstName: 'Jean, dit Jeannot', lastName: 'Dupont, fils' });
  });

  it('skips blank lines but numbers rows as lines of the file (multi-line quoted fields too)', () => {
    const rows = rowsOf(
      parseUserCsv('Prénom;Nom;E-mail\n\nA;Un;a@exemple.fr\n;;\n  \nB;"Deux\nlignes";b@exemple.fr\nC;Trois;c@exemple.fr'),
    );
    expect(rows.map((r) => [r.line, r.firstName])).toEqual([
      [3, 'A'],
      [6, 'B'],
      [8, 'C'],
    ]);
  });

  it('trims values and ignores unknown columns', () => {
    const rows = rowsOf(parseUserCsv('Département,First name, Last name ,EMAIL\nVentes,  Ada ,Lovelace , ada@example.com \n'));
    expect(rows[0]).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
  });

  it('matches headers whatever their case, accents, spaces and hyphens', () => {
    expect(
      ['PRENOM', 'prénom', 'Firstname', 'Given name', 'NOM DE FAMILLE', 'Surname', 'Lastname', 'e-mail', 'EMAIL', 'Adresse e-mail', 'Courriel']
        .map(fieldForHeader),
    ).toEqual(['firstName', 'firstName', 'firstName', 'firstName', 'lastName', 'lastName', 'lastName', 'email', 'email', 'email', 'email']);
    expect(['type de licence', 'Licence', 'license', 'Licence type', 'License Type', 'Poste', 'extension', 'EXT'].map(fieldForHeader)).toEqual([
      'licence',
      'licence',
      'licence',
      'licence',
      'licence',
      'extension',
      'extension',
      'extension',
    ]);
    expect(fieldForHeader('Téléphone')).toBeUndefined();
  });

  it('reports the missing required columns as one file-level error, in the requested language', () => {
    expect(parseUserCsv('Prénom;E-mail;Poste\nA;a@exemple.fr;101\n', 'fr')).toEqual({
      ok: false,
      error: { key: 'errors.importMissingColumns', params: { columns: 'Nom' } },
      missing: ['lastName'],
    });
    expect(parseUserCsv('Name,Mail address\nA,a@example.com\n', 'en')).toMatchObject({
      ok: false,
      error: { key: 'errors.importMissingColumns', params: { columns: 'First name, Last name, Email' } },
    });
  });

  it('needs only first name, last name and e-mail columns', () => {
    expect(parseUserCsv('Email,Surname,Given name\na@example.com,Lovelace,Ada\n')).toMatchObject({
      ok: true,
      rows: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'a@example.com', licence: '', extension: '' }],
    });
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} rows, accepts exactly ${IMPORT_MAX_ROWS}`, () => {
    const file = (n: number) =>
      ['First name,Last name,Email', ...Array.from({ length: n }, (_, i) => `U${i},User,u${i}@example.com`)].join('\n');
    expect(parseUserCsv(file(IMPORT_MAX_ROWS + 1))).toEqual({
      ok: false,
      error: { key: 'errors.importTooManyRows', params: { max: IMPORT_MAX_ROWS } },
    });
    const ok = rowsOf(parseUserCsv(file(IMPORT_MAX_ROWS)));
    expect(ok).toHaveLength(IMPORT_MAX_ROWS);
    expect(ok.at(-1)).toMatchObject({ line: IMPORT_MAX_ROWS + 1, email: `u${IMPORT_MAX_ROWS - 1}@example.com` });
  });

  it('refuses an empty file and a header without rows', () => {
    expect(parseUserCsv('')).toMatchObject({ ok: false, error: { key: 'errors.importEmpty' } });
    expect(parseUserCsv('\uFEFF \n\n')).toMatchObject({ ok: false, error: { key: 'errors.importEmpty' } });
    expect(parseUserCsv('Prénom;Nom;E-mail\n\n')).toMatchObject({ ok: false, error: { key: 'errors.importNoRows' } });
  });

  it('flags a row whose quotes cannot be read', () => {
    const rows = rowsOf(parseUserCsv('Prénom;Nom;E-mail\nA;Un;a@exemple.fr\n"B;Deux;b@exemple.fr\n'));
    expect(rows[0].malformed).toBeUndefined();
    expect(rows[1]).toMatchObject({ line: 3, malformed: true });
  });
});

describe('parseLicence', () => {
  it.each([
    ['Office', 'office'],
    ['office', 'office'],
    [' OFFICE ', 'office'],
    ['Free', 'free'],
    ['Gratuit', 'free'],
    ['Gratuite', 'free'],
    ['gratuit', 'free'],
    ['', 'free'],
  ])('%j -> %s', (value, licence) => {
    expect(parseLicence(value)).toBe(licence);
  });

  it('rejects anything else', () => {
    expect(parseLicence('Premium')).toBeUndefined();
    expect(parseLicence('Payante')).toBeUndefined();
  });
});
