// "Are you sure you want to call off the pledge?": the group calling off a pledge it accepted, asked first
// (app/ui/pledge-ending.tsx). Declining an offer not yet answered stays a form on the pledge's page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { actsForLoaded } from "~/ui/acting-for.ts";
import { PledgeEndingQuestion, pledgeEndingTitle } from "~/ui/pledge-ending.tsx";
import { endPledge, loadPledgeEnding } from "~/ui/pledge-ending.server.ts";

// the header shows the group that asked (its loader's actingFor), as the pledge's page does
export const handle = actsForLoaded("actingFor");

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pledgeEndingTitle(data?.ending) }];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadPledgeEnding(request, params.id!, "callOff");

export const action = ({ request, params }: ActionFunctionArgs) => endPledge(request, params.id!, "callOff");

export default PledgeEndingQuestion;
