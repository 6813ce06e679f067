// The pages that ask before a pledge is ended for good (GOV.UK's confirmation for an irreversible action): the
// supplier withdrawing its pledge, and the group calling off one it agreed to. Either one was a single click on the
// pledge's page, and emailed the other side and released the pledge's share at once. Who may open them is as on
// the pledge's page, narrowed to the side that acts: anyone else gets 404.
import { json } from "@remix-run/node";
import { notFound } from "~/auth/permissions.server.ts";
import { requirePledge } from "~/auth/pledge-access.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import {
  canPledge,
  pledgeStateLabel,
  type PledgeAction,
  type PledgeRole,
} from "~/domain/marketplace/pledge-lifecycle.ts";
import { changePledge } from "~/domain/marketplace/pledges.server.ts";
import { getPledgePage } from "~/domain/marketplace/queries.server.ts";
import { isPastNeededBy, LIVE_STATUSES } from "~/domain/marketplace/request-lifecycle.ts";
import { pledgeCallOffSchema, pledgeWithdrawSchema } from "~/domain/marketplace/schemas.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import type { PledgeEnding } from "~/ui/pledge-ending.tsx";

const ENDINGS: Record<
  PledgeEnding,
  { role: Exclude<PledgeRole, "SYSTEM">; action: PledgeAction; done: string; verb: string }
> = {
  withdraw: { role: "SUPPLIER", action: "withdraw", done: "Pledge withdrawn", verb: "withdrawn" },
  // declining an offer not yet answered is the pledge page's own form: this is for work already agreed
  callOff: { role: "REQUESTOR", action: "decline", done: "Pledge called off", verb: "called off" },
};

const SCHEMAS = { withdraw: pledgeWithdrawSchema, callOff: pledgeCallOffSchema };

// whether the side may end the pledge now (calling off: only once it was accepted)
function endable(ending: PledgeEnding, status: PledgeStatus) {
  const { action, role } = ENDINGS[ending];
  return canPledge(status, action, role) && !(ending === "callOff" && status === "OFFERED");
}

async function requirePledgeToEnd(request: Request, id: string, ending: PledgeEnding) {
  const found = await requirePledge(request, id);
  if (!found.roles.includes(ENDINGS[ending].role)) notFound();
  return found;
}

// The pledge's page, told why nothing was done: ended already (by this page sent twice, a colleague, the other side),
// or moved on (delivered, say) since the pledge's page was read.
async function backToThePledge(
  pledge: { id: string; status: PledgeStatus; calledOff: boolean },
  ending: PledgeEnding,
) {
  const { verb } = ENDINGS[ending];
  const now = pledgeStateLabel(pledge.status, pledge.calledOff);
  return redirectWithFlash(`/pledges/${pledge.id}`, {
    kind: "info",
    message:
      now === verb
        ? `This pledge has already been ${verb}: nothing more was done.`
        : `This pledge can no longer be ${verb}: it is ${now}.`,
  });
}

export async function loadPledgeEnding(request: Request, id: string, ending: PledgeEnding) {
  const { pledge } = await requirePledgeToEnd(request, id, ending);
  if (!endable(ending, pledge.status)) throw await backToThePledge(pledge, ending);
  const { request: asked } = pledge;
  return json({
    // the header shows the side the page acts for (app/ui/acting-for.ts, decision 027)
    actingFor: ending === "withdraw" ? pledge.supplierOrganisationId : asked.organisationId,
    ending,
    pledge: {
      id: pledge.id,
      amount: formatQuantity(asked.helpType, pledge.quantity, asked.unitLabel),
      // a sum of money, or one of a thing, "is" needed again
      oneThing: pledge.quantity === 1 || asked.helpType === "FUNDING",
      requestTitle: asked.title,
      supplierName: pledge.supplierOrganisation.name,
      groupName: asked.organisationName,
    },
    // what the pledge frees goes back to other suppliers only while the request still runs
    freedForOthers: LIVE_STATUSES.includes(asked.status) && !isPastNeededBy(asked.neededBy),
  });
}

export async function endPledge(request: Request, id: string, ending: PledgeEnding) {
  const { viewer, pledge, roles } = await requirePledgeToEnd(request, id, ending);
  if (!endable(ending, pledge.status)) return backToThePledge(pledge, ending);
  const submission = parseForm(await readForm(request), { schema: SCHEMAS[ending] });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await changePledge({
    pledgeId: pledge.id,
    action: ENDINGS[ending].action,
    roles,
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
    reason: submission.value.reason ?? null,
  });
  if (!result.ok) {
    // the pledge changed between reading it above and changing it: said on its own page, as it is now
    const now = await getPledgePage(pledge.id, [pledge.supplierOrganisationId]);
    if (now && !endable(ending, now.status)) return backToThePledge(now, ending);
    return json(submission.reply({ formErrors: [result.formError ?? "The pledge was not changed."] }), {
      status: 400,
    });
  }
  return redirectWithFlash(`/pledges/${pledge.id}`, { kind: "success", message: ENDINGS[ending].done });
}
