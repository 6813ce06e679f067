import type { Prisma } from "~/generated/prisma/client.ts";

/** What a request asks for and how much of it is pledged: every list and page that says how much is still needed reads these. */
export const REQUEST_AMOUNT = {
  helpType: true,
  quantity: true,
  pledgedQuantity: true,
  unitLabel: true,
} as const satisfies Prisma.RequestSelect;
