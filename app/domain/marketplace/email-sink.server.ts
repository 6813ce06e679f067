import type { Tx } from "~/db.server.ts";
import { enqueueEmail, type OutgoingEmail } from "~/email/outbox.server.ts";

// Where a marketplace change's emails go: straight into the outbox, one for each change, unless the caller gathers
// them to send each recipient one email of everything it changed (an account's deletion withdrawing an
// organisation's requests and pledges, which would otherwise send a supplier one email per pledge).
export type EmailSink = (tx: Tx, email: OutgoingEmail) => Promise<unknown>;

export const toOutbox: EmailSink = enqueueEmail;
