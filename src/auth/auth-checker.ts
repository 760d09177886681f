/**
 * Who may do what: resolvers declare the least role they need with @Authorized('editor'), and reads
 * are open unless REQUIRE_KEY_FOR_READS is set. No key where one is needed: UNAUTHENTICATED (HTTP
 * 401); a key whose role is too low: FORBIDDEN (HTTP 403). The errors carry their status.
 */
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { RequestContext } from '../server/context';
import { roleAllows, ROLES, type Role } from './api-keys';

export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const required = roles.reduce<Role>(
    (highest, role) => (ROLES.indexOf(role) > ROLES.indexOf(highest) ? role : highest),
    'reader',
  );
  if (!context.principal)
    throw new UnauthenticatedError(
      `This needs an API key with the ${required} role: send "Authorization: Bearer <key>".`,
    );
  if (!roleAllows(context.principal.role, required)) {
    throw new ForbiddenError(
      `This needs the ${required} role; the key "${context.principal.keyId}" has the ${context.principal.role} role.`,
    );
  }
  return true;
};
