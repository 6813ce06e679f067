// The fake Resend API as a process, for end-to-end runs: the app sends to it, tests read GET /emails.
import http from "node:http";
import { startFakeResend } from "../helpers/fake-resend.ts";

const port = Number(process.env.FAKE_RESEND_PORT ?? 0);
const fake = await startFakeResend();
const inspector = http.createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/emails") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(fake.sent));
    return;
  }
  // Everything else goes to the fake provider itself.
  const target = new URL(req.url ?? "/", fake.url);
  const body: Buffer[] = [];
  for await (const chunk of req) body.push(chunk as Buffer);
  const answer = await fetch(target, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: body.length ? Buffer.concat(body) : undefined,
  });
  res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
  res.end(Buffer.from(await answer.arrayBuffer()));
});
inspector.listen(port, "127.0.0.1");
const stop = () => inspector.close(() => fake.close().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
