/**
 * startMock: loads the spec, builds one of each part (Prism, the example catalogs, the token
 * issuer, the mock's own routes, the fault registry, the counters) and wires them behind one
 * `node:http` server. Option mistakes are refused before the slow spec load.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { IHttpOperation } from "@stoplight/types";
import { createMockRoutes } from "./answers/routes.js";
import { systemClock, systemSleep } from "./clock.js";
import { createFailureLog } from "./failure-log.js";
import { FaultRegistry, parseArmedFaults } from "./faults/fault-registry.js";
import { createStats, resetStats } from "./faults/mock-stats.js";
import { createClientErrorHandler, createExpectationHandler } from "./http/client-errors.js";
import { createControlApi } from "./http/control-api.js";
import { createDispatcher } from "./http/dispatch.js";
import { createRequestHandler } from "./http/handler.js";
import { checkJournalLimit, DEFAULT_JOURNAL_LIMIT, RequestJournal } from "./journal/request-journal.js";
import type { MockOptions, MockServer } from "./mock-options.js";
import { createAccessTokens } from "./oauth/access-tokens.js";
import {
  createTokenEndpoint,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REFRESH_TOKEN,
  DEFAULT_TOKEN_TTL_SECONDS,
} from "./oauth/token-endpoint.js";
import { buildExampleCatalog } from "./prism/example-catalog.js";
import { loadOperations } from "./prism/operations-cache.js";
import { createPrismMock } from "./prism/prism.js";
import { defaultSpecPath } from "./prism/spec-path.js";
import { buildZohoErrorCatalog } from "./prism/zoho-errors.js";
import { applySeed } from "./seed/apply-seed.js";
import { loadSeed } from "./seed/load-seed.js";
import type { SeedSummary } from "./seed/seed-plan.js";

export type { FaultControl, FaultInput, MockOptions, MockServer } from "./mock-options.js";

/** The port the mock uses unless told otherwise. */
export const DEFAULT_PORT = 4010;
/** The interface the mock binds unless told otherwise. */
export const DEFAULT_HOST = "127.0.0.1";

/** Loads the spec, starts the mock and resolves once it accepts connections. */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  return (await startMockServing(options)).server;
}

/** {@link startMock}, also returning the operations served and what was seeded (for the CLI's start-up message). */
export async function startMockServing(
  options: MockOptions = {},
): Promise<{ server: MockServer; operations: readonly IHttpOperation[]; seeded: SeedSummary | undefined }> {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  const specPath = options.specPath ?? defaultSpecPath();
  // Option mistakes are reported before the (slow) spec load.
  const ttlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new Error(`tokenTtlSeconds must be a whole number of seconds, 1 or more (got ${ttlSeconds}).`);
  }
  for (const name of ["clientId", "clientSecret", "refreshToken"] as const) {
    // The value itself is never shown: two of the three are secrets in a real setup.
    if (options[name] === "") throw new Error(`${name} must not be empty.`);
  }
  const faults = new FaultRegistry();
  faults.arm(parseArmedFaults(options.faults ?? [], "startMock faults"));
  const journalLimit = checkJournalLimit(options.journalLimit ?? DEFAULT_JOURNAL_LIMIT);
  if (options.seed !== undefined && (options.stateful === undefined || options.stateful === false)) {
    throw new Error(
      "seed needs the stateful mode: startMock({ stateful: true, seed }), or zcrm-mock --stateful --seed FILE.",
    );
  }

  const operations = await loadOperations(specPath);
  if (operations.length === 0) throw new Error(`No operations found in ${specPath}.`);
  const now = options.now ?? systemClock;
  // Read and checked in full before the store exists: a bad seed leaves nothing behind.
  const plan = options.seed === undefined ? undefined : await loadSeed(options.seed, operations, now());

  const examples = buildExampleCatalog(operations);
  const errors = buildZohoErrorCatalog(operations, examples);
  const tokens = createAccessTokens(ttlSeconds, now);
  const stats = createStats();
  const log = createFailureLog(options.verbose ?? false, options.log);
  const journal = new RequestJournal(journalLimit, now, (error) => log("request journal", error));
  const routes = createMockRoutes(examples, options.stateful, now);
  let url = "";
  const token = createTokenEndpoint(
    {
      clientId: options.clientId ?? DEFAULT_CLIENT_ID,
      clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
      refreshToken: options.refreshToken ?? DEFAULT_REFRESH_TOKEN,
      ttlSeconds,
      legacyUnits: options.legacyTokenUnits ?? false,
      apiDomain: () => url,
    },
    tokens,
    stats,
    log,
  );
  const server = createServer(
    // A request without Host is refused by the dispatcher, in Zoho's shape (see dispatch.ts).
    { requireHostHeader: false },
    createDispatcher({
      api: createRequestHandler(createPrismMock(operations), errors, tokens, routes, log),
      token,
      control: createControlApi(faults, stats, journal),
      faults,
      stats,
      journal,
      errors,
      sleep: options.sleep ?? systemSleep,
    }),
  );
  // Requests Node's parser refuses get Zoho's body too, instead of a bare 400.
  server.on("clientError", createClientErrorHandler(errors));
  server.on("checkExpectation", createExpectationHandler(errors));
  let seeded: SeedSummary | undefined;
  try {
    if (plan !== undefined && routes.stateful !== undefined) {
      seeded = await applySeed(routes.stateful.store, routes.stateful.folder, plan);
    }
    await listen(server, port, host);
  } catch (error) {
    routes.close();
    throw error;
  }
  const bound = (server.address() as AddressInfo).port;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
  const mock: MockServer = {
    url,
    port: bound,
    close: () => close(server).finally(() => routes.close()),
    stats,
    resetStats: () => resetStats(stats),
    faults: {
      arm: (...inputs) => faults.arm(parseArmedFaults(inputs, "faults.arm")),
      clear: () => faults.clear(),
      state: () => faults.snapshot(),
    },
    requests: (filter) => journal.list(filter),
    resetRequests: () => journal.reset(),
  };
  return { server: mock, operations, seeded };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(
          new Error(
            `Port ${port} on ${host} is already in use. Pick another port: --port <n> or PORT=<n> ` +
              `on the command line, { port: n } in startMock (0 takes any free port).`,
            { cause: error },
          ),
        );
      } else {
        reject(new Error(`Cannot listen on ${host}:${port}: ${error.message}`, { cause: error }));
      }
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive clients would otherwise hold the server open until they time out.
    server.closeAllConnections();
  });
}
