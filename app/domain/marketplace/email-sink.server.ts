import type { Tx } from "~/db.server.ts";
import { enqueueEmail, type OutgoingEmail } from "~/email/outbox.server.ts";

// Where a marketplace change's emails go: straight into the outbox, one for each change, unless the caller gathers
// them to send each recipient one email of everything it changed (an account's deletion withdrawing an
// organisation's requests and pledges, which would otherwise send a supplier one email per pledge).
// `link`: the page the change's own email leads to (the pledge's page for a supplier, the request's for the group
// that posted it), which an email listing several changes links each one to.
export type SinkEmail = OutgoingEmail & { link: string };
export type EmailSink = (tx: Tx, email: SinkEmail) => Promise<unknown>;

export const toOutbox: EmailSink = enqueueEmail;
