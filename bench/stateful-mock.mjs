// The stateful mock alone in a process, for bench/stateful-memory.mjs: prints its port, then
// serves until it is sent SIGTERM (which closes it, and so removes its temp folder).
import { startMock } from "@zcrm-attachments/mock";

const mock = await startMock({ port: 0, stateful: true });
process.stdout.write(`${mock.port}\n`);
process.on("SIGTERM", () => {
  mock.close().then(() => process.exit(0));
});
