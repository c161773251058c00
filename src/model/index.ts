/**
 * The domain model everything else speaks: space settings, the metric catalogue, units, comfort
 * bands, alert rules and report subscriptions, replies. It imports nothing of the project but the
 * Webex wire types (the leaf they are generated into).
 */
export * from './automation';
export * from './comfort-bands';
export * from './metric-catalogue';
export * from './reply';
export * from './space-settings';
export * from './units';
export * from './working-hours';
