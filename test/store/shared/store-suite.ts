import { describeCacheAndMemos } from './cache-and-memos';
import { describeConcurrency } from './concurrency';
import { describeDeliveries } from './deliveries';
import { describeEntities } from './entities';
import { type Backend, type StoreTest, useBackend } from './harness';
import { describePosts } from './posts';
import { describeProcesses } from './processes';
import { describeSchema } from './schema';

/**
 * Every behaviour of the Store interface, run once per implementation: both must pass all of it.
 * Returns the test context, for the implementation's own tests in the same suite.
 */
export function storeSuite(backend: Backend): StoreTest {
  const t = useBackend(backend);
  describeEntities(t);
  describePosts(t);
  describeDeliveries(t);
  describeCacheAndMemos(t);
  describeProcesses(t);
  describeConcurrency(t);
  describeSchema(t);
  return t;
}
