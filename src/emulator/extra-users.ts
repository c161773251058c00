import type { EmulatorContext } from './context';
import { ORG_DOMAIN } from './people';

/**
 * More staff of the synthetic organisation, each with a user token: what a load test needs to
 * send questions "from different people", as the SDK's people lookups only show then.
 */
export function addStaff(
  context: EmulatorContext,
  count: number,
): { id: string; email: string; token: string }[] {
  const start = context.people.all().length;
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const person = context.people.add({
      key: `staff${n}`,
      displayName: `Staff Member ${n}`,
      email: `staff${n}@${ORG_DOMAIN}`,
      type: 'person',
    });
    return {
      id: person.id,
      email: person.emails[0]!,
      token: context.tokens.registerUser(`staff${n}`, person.id),
    };
  });
}
