// Who a guidance page is for. Kept apart from the form schemas so read-only pages do not ship zod.
export const GUIDANCE_AUDIENCES = [
  { value: "EVERYONE", label: "Everyone" },
  { value: "SUPPLIER", label: "Suppliers" },
  { value: "REQUESTOR", label: "Requestors (charities and community groups)" },
] as const;
