import { json } from "@remix-run/node";
import { db } from "~/db.server.ts";

// For load balancers: 200 only when the database answers.
export async function loader() {
  try {
    await Promise.race([
      db.$queryRaw`select 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 3000)),
    ]);
    return json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
