/**
 * What every simulator, subgraph and the gateway return when started. Modules export a start
 * function and never listen on import, so tests start them on port 0 and `npm start` on fixed ports.
 */
export interface RunningService {
  /** e.g. "taxonomy", "sim:<simulator>", "gateway" */
  name: string;
  /** Base URL; for GraphQL services the endpoint itself (…/graphql). */
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, releases resources. */
  close(): Promise<void>;
}

export interface ListenOptions {
  /** 0 = an ephemeral port (tests). */
  port: number;
  host?: string;
}
