// What a supplier already pledged to a request, where a pledge form or button would be: one pledge at a time.
import { Link } from "@remix-run/react";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import { pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import type { HelpType, PledgeStatus } from "~/generated/prisma/enums.ts";
import { InsetText, Tag } from "./components.tsx";

export function YourPledge({
  pledge,
  helpType,
  unitLabel,
}: {
  pledge: { id: string; quantity: number; status: PledgeStatus };
  helpType: HelpType;
  unitLabel: string | null;
}) {
  return (
    <InsetText>
      <p className="mb-2">
        You have pledged <strong>{formatQuantity(helpType, pledge.quantity, unitLabel)}</strong> to this
        request. Status: <Tag colour="grey">{pledgeStatusLabel(pledge.status)}</Tag>
      </p>
      <p>
        <Link to={`/pledges/${pledge.id}`}>View your pledge</Link>
      </p>
    </InsetText>
  );
}
