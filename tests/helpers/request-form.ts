// The new-request form (requests.new, and requests.$id.edit, which takes the same fields) as a group fills it in:
// a draft asking for 12 volunteers in the world's council A, needed in 30 days, with `overrides` on top (a
// postcode area, a district, another council and its category...).
import { unique } from "./factories.ts";

const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

export function requestForm(
  world: { councilA: { id: string }; category: { id: string } },
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    intent: "draft",
    title: unique("Litter pick"),
    description: "Volunteers to help clear litter from the riverside path on Saturday.",
    councilId: world.councilA.id,
    categoryId: world.category.id,
    helpType: "VOLUNTEERING",
    quantity: "12",
    neededBy: inDays(30),
    ...overrides,
  };
}
