'use strict';
// The Webex JS SDK (`webex`, as its dist/webex.js builds it) with only the plugins a REST bot uses;
// see webex-sdk.ts. Loaded in place of `webex` when webex-node-bot-framework asks for it, so the SDK
// reads HYDRA_SERVICE_URL / U2C_SERVICE_URL at the same moment as before.
const { createRequire } = require('node:module');

// Resolve the SDK's packages as `webex` itself would.
const sdk = createRequire(require.resolve('webex', { paths: [require.resolve('webex-node-bot-framework')] }));

// As webex/dist/index.js does.
if (!global._babelPolyfill) sdk('@babel/polyfill');

sdk('@webex/plugin-authorization');
// The device plugin registers the service catalog's pre-discovery URLs and its URL interceptor.
sdk('@webex/internal-plugin-device');
sdk('@webex/internal-plugin-presence');
sdk('@webex/internal-plugin-support');
sdk('@webex/plugin-attachment-actions');
sdk('@webex/plugin-logger');
sdk('@webex/plugin-messages');
sdk('@webex/plugin-memberships');
sdk('@webex/plugin-people');
sdk('@webex/plugin-rooms');
sdk('@webex/plugin-teams');
sdk('@webex/plugin-team-memberships');
sdk('@webex/plugin-webhooks');
// Not loaded: @webex/plugin-meetings, @webex/internal-plugin-calendar, @webex/plugin-device-manager.

const merge = sdk('lodash/merge');
const WebexCore = sdk('@webex/webex-core').default;
const config = sdk('./config');
const { version } = sdk('../package.json');

const Webex = WebexCore.extend({ webex: true, version });

Webex.init = function init(attrs = {}) {
  attrs.config = merge({}, config, attrs.config);
  return new Webex(attrs);
};

module.exports = Webex;
