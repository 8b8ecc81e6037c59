/**
 * The mocks behind one example, started in the check's own process (a warm start takes milliseconds):
 *   - Zoho's hosts (`*.zohoapis.*`, `accounts.zoho*`) go to a stateful mock, standing in for an org,
 *     so an example that uploads and then lists or downloads sees its upload, as against Zoho;
 *   - the docs' port 4010 goes to a stateless mock, as `pnpm mock` starts it, since the examples
 *     that name 4010 describe that mock's answers (its spec examples). An sh example that starts
 *     the mock itself (`pnpm mock --stateful`) gets no such stand-in: its own mock takes the port.
 * Each example gets mocks of its own, so one example's uploads and armed faults never reach another.
 */

/**
 * Starts the mocks for an example with `startMock`, each on a free port; `local` says whether to
 * serve the stand-in for port 4010. Resolves with `{ orgUrl, localPort, log, close() }`, `localPort`
 * being the stand-in's port (undefined without one) and `log` the failure lines both mocks write.
 */
export async function startBlockMocks(startMock, { local = true } = {}) {
  const log = [];
  const sink = (line) => log.push(line);
  const org = await startMock({ port: 0, stateful: true, log: sink });
  let pnpmMock = null;
  try {
    if (local) pnpmMock = await startMock({ port: 0, log: sink });
  } catch (error) {
    await org.close();
    throw error;
  }
  return {
    orgUrl: org.url,
    localPort: pnpmMock?.port,
    log,
    close: async () => {
      await Promise.all([org.close(), pnpmMock?.close()]);
    },
  };
}

/** The example's output, then the failure lines its mocks logged (a 500 they answered, a bad body), if any. */
export function withMockLog(output, log) {
  return log.length === 0 ? output : `${output}\n[the mock logged]\n${log.join("\n")}\n`;
}
