// What the organisation is: where it stands with the council's verification, and the details it registered.
import type { SerializeFrom } from "@remix-run/node";
import { BUSINESS_SIZE_LABEL } from "~/domain/accounts/business-size.ts";
import { KIND_LABEL } from "~/domain/accounts/schemas.ts";
import { Link } from "@remix-run/react";
import { Notice, SummaryList, type SummaryRow } from "~/ui/components.tsx";
import { formatNumber } from "~/ui/format.ts";
import type { loader } from "./route.tsx";
import { OrganisationStatusTag } from "~/ui/organisation-status.tsx";

type Organisation = SerializeFrom<typeof loader>["organisation"];

export function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  // Its owner may correct what it registered until the council verifies it, and send it again once refused
  // (organisations.$id.edit); its other members see the details and the council's reason only.
  const owner = organisation.memberships.some((m) => m.isMe && m.role === "OWNER");
  const changeHref = `/organisations/${organisation.id}/edit`;
  return (
    <>
      {organisation.status === "PENDING" ? (
        <Notice title="Waiting for the council to verify this organisation">
          {organisation.kind === "VCSE"
            ? "You can draft requests now, and submit them for the council to approve once it has verified you."
            : "You can look at requests now. You can pledge once the council has verified you."}
        </Notice>
      ) : null}
      {organisation.status === "REJECTED" ? (
        <Notice kind="error" title="The council did not verify this organisation">
          {/* as the officer wrote it: a list one to a line, a long link that must wrap */}
          <span className="block break-words whitespace-pre-line">{organisation.rejectionReason}</span>
          {owner ? (
            <p className="mt-4">
              <Link to={changeHref}>Change the details and send for verification again</Link>
            </p>
          ) : (
            <p className="mt-4">
              Your organisation&apos;s owner can change its details and send it for verification again.
            </p>
          )}
        </Notice>
      ) : null}
      <SummaryList rows={detailRows(organisation)} />
      {organisation.status === "PENDING" && owner ? (
        <p className="-mt-4 mb-8">
          <Link to={changeHref}>
            Change details<span className="sr-only"> of {organisation.name}</span>
          </Link>
        </p>
      ) : null}
      {/* once verified, its contact email is still its owner's to change (decision 039, addendum) */}
      {organisation.status === "VERIFIED" && owner && organisation.kind !== "COUNCIL" ? (
        <p className="-mt-4 mb-8">
          <Link to={changeHref}>
            Change contact email<span className="sr-only"> of {organisation.name}</span>
          </Link>
        </p>
      ) : null}
    </>
  );
}

function detailRows(organisation: Organisation) {
  const details: SummaryRow[] = [
    { key: "Type", value: KIND_LABEL[organisation.kind] },
    {
      key: "Status",
      value: <OrganisationStatusTag status={organisation.status} />,
    },
  ];
  if (organisation.council) details.push({ key: "Council", value: organisation.council.name });
  if (organisation.partnership) details.push({ key: "Partnership", value: organisation.partnership.name });
  if (organisation.kind === "VCSE") {
    details.push({ key: "Charity or company number", value: organisation.charityNumber ?? "Not registered" });
    details.push({ key: "Area served", value: organisation.areaServed ?? "" });
    details.push({ key: "What it does", value: organisation.description ?? "" });
    details.push({ key: "Contact email", value: organisation.contactEmail ?? "Not given" });
  }
  if (organisation.kind === "SUPPLIER") {
    details.push({ key: "Companies House number", value: organisation.companyNumber ?? "" });
    details.push({ key: "Registered postcode", value: organisation.registeredPostcode ?? "" });
    const staff = organisation.staffHeadcount;
    details.push({ key: "Staff", value: staff === null ? "" : formatNumber(staff) });
    details.push({
      key: "Business size",
      value: organisation.businessSize ? BUSINESS_SIZE_LABEL[organisation.businessSize] : "Not known",
    });
    details.push({ key: "Social value contact email", value: organisation.contactEmail ?? "Not given" });
  }
  return details;
}
