// "Are you sure you want to withdraw your pledge?": the supplier's withdrawal, asked first (app/ui/pledge-ending.tsx).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { actsForLoaded } from "~/ui/acting-for.ts";
import { PledgeEndingQuestion, pledgeEndingTitle } from "~/ui/pledge-ending.tsx";
import { endPledge, loadPledgeEnding } from "~/ui/pledge-ending.server.ts";

// the header shows the supplier that pledged (its loader's actingFor), as the pledge's page does
export const handle = actsForLoaded("actingFor");

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pledgeEndingTitle(data?.ending) }];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadPledgeEnding(request, params.id!, "withdraw");

export const action = ({ request, params }: ActionFunctionArgs) => endPledge(request, params.id!, "withdraw");

export default PledgeEndingQuestion;
