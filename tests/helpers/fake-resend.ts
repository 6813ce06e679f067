// A local stand-in for the Resend API: records POST /emails and can be told to fail.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type SentEmail = {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  idempotencyKey?: string;
};

export async function startFakeResend() {
  const sent: SentEmail[] = [];
  const seenKeys = new Map<string, string>();
  let failuresLeft = 0;
  let refusalsLeft = 0;
  let delayMs = 0;
  let down = false;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404).end();
        return;
      }
      if (refusalsLeft > 0) {
        refusalsLeft--;
        res.writeHead(422, { "content-type": "application/json" });
        res.end(JSON.stringify({ name: "validation_error", message: "Invalid `to` field", statusCode: 422 }));
        return;
      }
      if (down || failuresLeft > 0) {
        if (failuresLeft > 0) failuresLeft--;
        res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ name: "internal_server_error", message: "provider unavailable", statusCode: 500 }),
        );
        return;
      }
      const key = req.headers["idempotency-key"] as string | undefined;
      // Like Resend: a repeated idempotency key returns the first answer and sends nothing.
      if (key && seenKeys.has(key)) {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ id: seenKeys.get(key) }));
        return;
      }
      const email = JSON.parse(body) as SentEmail;
      email.idempotencyKey = key;
      sent.push(email);
      const id = `fake_${sent.length}`;
      if (key) seenKeys.set(key, id);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent,
    failNext(count: number) {
      failuresLeft = count;
    },
    // a slow provider: every answer waits this long
    setDelay(ms: number) {
      delayMs = ms;
    },
    refuseNext(count: number) {
      refusalsLeft = count;
    },
    setDown(value: boolean) {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
