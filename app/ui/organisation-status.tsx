// An organisation's verification state as a tag: verified green, pending yellow, rejected red.
import { STATUS_LABEL } from "~/domain/accounts/schemas.ts";
import { Tag } from "~/ui/components.tsx";

export function OrganisationStatusTag({ status }: { status: keyof typeof STATUS_LABEL }) {
  const colour = status === "VERIFIED" ? "green" : status === "PENDING" ? "yellow" : "red";
  return <Tag colour={colour}>{STATUS_LABEL[status]}</Tag>;
}
