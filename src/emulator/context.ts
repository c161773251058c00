import type { MessagingStore } from './messaging-store';
import type { Organisation } from './org';
import type { PeopleDirectory } from './people';
import type { TokenRegistry } from './tokens';
import type { WebhookDispatcher } from './webhook-dispatcher';

/** What every route of the emulator may use. */
export interface EmulatorContext {
  now(): number;
  org: Organisation;
  people: PeopleDirectory;
  tokens: TokenRegistry;
  store: MessagingStore;
  webhooks: WebhookDispatcher;
}
