/**
 * webex-node-bot-framework requires `webex`, the whole Webex JS SDK, which loads every plugin at
 * once: Meetings, Calendar and the device manager among them (WebRTC, media and SDP libraries,
 * ~26 MB of memory for the life of the bot). The bot and the framework only use the REST plugins
 * (messages, memberships, rooms, people, webhooks, attachment actions; the framework's websocket
 * mode uses the device plugin). {@link useRestOnlyWebexSdk} makes the framework's `require('webex')`
 * load {@link ./webex-sdk-rest.js}: the same SDK (`webex-core` with its configuration) with only
 * those plugins.
 */
import Module from 'node:module';
import path from 'node:path';

type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

const FRAMEWORK_DIR = `${path.sep}webex-node-bot-framework${path.sep}`;
let installed = false;

/** From now on, `require('webex')` inside webex-node-bot-framework loads the REST-only SDK. */
export function useRestOnlyWebexSdk(): void {
  if (installed) return;
  installed = true;
  const target = require.resolve('./webex-sdk-rest.js');
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function resolveWebexSdk(request, parent, ...rest) {
    if (request === 'webex' && parent?.filename?.includes(FRAMEWORK_DIR)) return target;
    return resolve.call(this, request, parent, ...rest);
  };
}
