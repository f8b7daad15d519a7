/**
 * `@apollo/gateway` reports usage to Apollo (and its OpenTelemetry resource detection probes cloud
 * metadata endpoints) unless APOLLO_TELEMETRY_DISABLED is set. A ministry's deployment must never
 * phone home, so the gateway switches it off in code before constructing ApolloGateway, whatever
 * the environment says. (Writing, not reading, the environment: the library reads only this.)
 */
export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}
