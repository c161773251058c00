import assert from 'node:assert/strict';
import { DisplayNames } from '../../src/webex/display-names';
import type { Person } from '../../src/webex/wire';
import { FakeClock } from '../support/fake-clock';

const HOUR = 3_600_000;

function people(names: Record<string, string | Error>) {
  const calls: string[] = [];
  const api = {
    person: async (id: string): Promise<Person> => {
      calls.push(id);
      const name = names[id];
      if (name instanceof Error) throw name;
      if (name === undefined) throw new Error('404');
      return { id, emails: [`${id}@example.test`], displayName: name } as Person;
    },
  };
  return { api, calls };
}

describe('webex: display names', () => {
  it('names a person as Webex shows them, reads each once, and again after the TTL', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 18, 12));
    const { api, calls } = people({ p1: 'Ingrid Berg' });
    const names = new DisplayNames(api, HOUR, clock.now);
    const both = await Promise.all([names.displayName('p1', 'x'), names.displayName('p1', 'x')]);
    assert.deepEqual(both, ['Ingrid Berg', 'Ingrid Berg']);
    assert.equal(await names.displayName('p1', 'x'), 'Ingrid Berg');
    assert.deepEqual(calls, ['p1'], 'one call for concurrent and later look-ups');
    clock.advance(HOUR + 1);
    assert.equal(await names.displayName('p1', 'x'), 'Ingrid Berg');
    assert.deepEqual(calls, ['p1', 'p1'], 'read again after an hour');
  });

  it('falls back (and remembers nothing) when Webex cannot say', async () => {
    const clock = new FakeClock(0);
    const { api, calls } = people({ p2: new Error('503'), p3: '  ' });
    const names = new DisplayNames(api, HOUR, clock.now);
    assert.equal(await names.displayName('p2', 'kari@example.test'), 'kari@example.test');
    assert.equal(await names.displayName('p2', 'kari@example.test'), 'kari@example.test');
    assert.equal(await names.displayName('p3', 'someone'), 'someone', 'a blank name is no name');
    assert.equal(await names.displayName('', 'nobody'), 'nobody', 'no id: no call');
    assert.deepEqual(calls, ['p2', 'p2', 'p3']);
  });
});
