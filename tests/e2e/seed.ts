import { connect, resolveTarget } from '../../db/driver';
import { setConnection } from '../../db';
import { users } from '../../db/schema';
import { hashPassword } from '../../lib/secrets/password';
import { createCompanyWithAdmin } from '../../lib/auth/sign-up';
import { FIXTURE } from './fixture-accounts';

const conn = connect(resolveTarget());
setConnection(conn);
try {
  const { company } = await createCompanyWithAdmin({
    ...FIXTURE.admin,
    password: FIXTURE.password,
    companyName: FIXTURE.company,
    country: 'FR',
    officeSeats: 5,
  });
  await conn.db.insert(users).values({
    companyId: company.id,
    ...FIXTURE.member,
    passwordHash: await hashPassword(FIXTURE.password),
    role: 'member',
  });
  console.log('e2e fixture company seeded');
} finally {
  await conn.close();
}
