// A bare node:http server for the transfer benchmarks, run as a child process (prints its port).
// GET …/Attachments/<n> streams n MiB of fixed bytes as a file; POST …/Attachments drains the body
// and answers Zoho's upload envelope. Nothing is kept in memory but one 1 MiB chunk.
import { createServer } from "node:http";

const MIB = 1024 * 1024;
const chunk = Buffer.alloc(MIB, "zcrm-attachments ");
const uploaded = JSON.stringify({
  data: [
    {
      code: "SUCCESS",
      details: { id: "1386586000002588005" },
      message: "attachment uploaded successfully",
      status: "success",
    },
  ],
});

const server = createServer((req, res) => {
  if (req.method === "POST") {
    let bytes = 0;
    req.on("data", (part) => (bytes += part.length));
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json;charset=UTF-8", "x-received-bytes": String(bytes) });
      res.end(uploaded);
    });
    return;
  }
  const mib = Number(/\/Attachments\/(\d+)/.exec(req.url ?? "")?.[1] ?? 0);
  res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(mib * MIB),
    "content-disposition": `attachment; filename="bench-${mib}.bin"`,
  });
  let left = mib;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
