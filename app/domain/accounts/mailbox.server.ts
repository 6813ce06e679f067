// The platform admin's view of the email outbox: the demo's inbox when no email provider is set up. Once a
// provider is set up it shows only who was sent what and whether it arrived: message bodies carry live
// sign-in, reset and invitation links, which must reach only their recipients.
import { db } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { getEnv } from "~/env.server.ts";

const PAGE_SIZE = 25;

export async function listMailbox(page: number) {
  const [emails, total] = await Promise.all([
    db.emailOutbox.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(page, PAGE_SIZE),
      select: { id: true, to: true, subject: true, status: true, createdAt: true },
    }),
    db.emailOutbox.count(),
  ]);
  return {
    emails,
    total,
    pageCount: pageCountOf(total, PAGE_SIZE),
    providerConfigured: Boolean(getEnv().RESEND_API_KEY),
  };
}

export async function mailboxEmail(id: string) {
  const email = await db.emailOutbox.findUnique({
    where: { id },
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      providerId: true,
      lastError: true,
      createdAt: true,
    },
  });
  if (!email) return null;
  const { text, ...rest } = email;
  return { ...rest, text: getEnv().RESEND_API_KEY ? null : text };
}
