import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requirePlatformAdmin } from "~/auth/permissions.server.ts";
import { mailboxEmail } from "~/domain/accounts/mailbox.server.ts";
import { BackLink, PageHeading, SummaryList } from "~/ui/components.tsx";
import { formatDateTime, formatDateTimeToSecond } from "~/ui/format.ts";

// names the email by when it was written, so each message's page has a title of its own without a recipient's
// address or a subject (which can name people) in the title, the browser's history and its tabs
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Email written ${formatDateTimeToSecond(data.email.createdAt)}` : "Email"} – Local mailbox – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const email = await mailboxEmail(params.id!);
  if (!email) notFound();
  return json({ email });
}

// Shows the plain-text version: links stay clickable and no email HTML runs inside the portal.
export default function MailboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  const parts = email.text?.split(/(https?:\/\/[^\s\]]+)/g) ?? [];
  return (
    <>
      <BackLink to="/admin/mailbox">Back to the mailbox</BackLink>
      <PageHeading caption="Local mailbox">{email.subject}</PageHeading>
      <SummaryList
        rows={[
          { key: "To", value: email.to },
          { key: "Written", value: formatDateTime(email.createdAt) },
          { key: "Delivery attempts", value: String(email.attempts) },
          { key: "Provider id", value: email.providerId ?? "Not sent yet" },
          ...(email.lastError ? [{ key: "Last error", value: email.lastError }] : []),
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">Message</h2>
      {email.text === null ? (
        <p className="max-w-3xl">
          Not shown. An email provider is set up, so the message went to its recipient only: it may hold a
          sign-in, reset or invitation link meant for them alone.
        </p>
      ) : (
        <div className="max-w-3xl border-l-8 border-line py-2 pl-4 break-words whitespace-pre-wrap">
          {parts.map((part, index) =>
            index % 2 === 1 ? (
              <a key={index} href={part}>
                {part}
              </a>
            ) : (
              part
            ),
          )}
        </div>
      )}
    </>
  );
}
