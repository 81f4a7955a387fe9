import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../../auth/domain/roles';
import { canRegisterRetrospective, registeringRole } from './access';

const actor = (roles: Role[], trustId = 't1'): Actor => ({
  userId: 'u1',
  name: 'Test',
  trustId: 't1',
  trustName: 'Helse Test',
  grants: roles.map((role) => ({ role, trustId, departmentId: null })),
  trusts: [{ id: 't1', name: 'Helse Test' }],
});

describe('who may register retrospective cases', () => {
  it.each(ROLES.map((role) => [role, role === 'decisionMaker' || role === 'trustAdmin'] as const))(
    '%s → %s',
    (role, allowed) => {
      expect(canRegisterRetrospective(actor([role]))).toBe(allowed);
      expect(registeringRole(actor([role]))).toBe(allowed ? role : null);
    },
  );

  it('a grant in another trust does not count', () => {
    expect(canRegisterRetrospective(actor(['decisionMaker'], 't2'))).toBe(false);
  });

  it('records the decision maker role first when both are held', () => {
    expect(registeringRole(actor(['trustAdmin', 'decisionMaker']))).toBe('decisionMaker');
  });
});
