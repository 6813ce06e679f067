// Starter guidance every demo council gets; council admins rewrite it at /council/guidance.
import type { GuidanceAudience } from "~/generated/prisma/enums.ts";

export const DEFAULT_GUIDANCE: { slug: string; title: string; audience: GuidanceAudience; body: string }[] = [
  {
    slug: "how-it-works",
    title: "How the marketplace works",
    audience: "EVERYONE",
    body: `Charities, community groups and council teams post what they need. Suppliers with council contracts pledge to meet those needs as part of the social value they promised.

## For charities and community groups

1. Create an account and register your group. The council checks it.
2. Post a need: what you need, how much, where and by when.
3. Accept the pledges that suit you, and confirm when the help has arrived.

## For suppliers

1. Browse the [open requests](/requests) or see the ones that match your commitments.
2. Pledge all or part of what is needed, and link it to a contract commitment.
3. Report delivery. Once the group confirms it, it counts in your quarterly return.
`,
  },
  {
    slug: "what-good-looks-like",
    title: "What good social value looks like",
    audience: "SUPPLIER",
    body: `Good social value is **specific, local and evidenced**.

- Commit to numbers you can deliver each quarter, not a total at the end.
- Work with local charities on what they say they need, not what is easy to give.
- Keep evidence as you go: timesheets, receipts and photos (with consent).
- Tell the story: a short narrative of what changed for people matters as much as the number.
`,
  },
  {
    slug: "writing-a-good-request",
    title: "Writing a request that gets pledges",
    audience: "REQUESTOR",
    body: `Suppliers pledge faster when they can see exactly what is needed.

## Be clear about

- **what** you need, in plain words;
- **how much**: hours, items or pounds;
- **who benefits** and how many people;
- **when** you need it by.

Never put personal details of the people you support in a request.
`,
  },
  {
    // the introduction to the council's case studies page, which lists the fulfilled requests shared with it
    slug: "case-studies",
    title: "Case studies",
    audience: "EVERYONE",
    body: `Local charities and community groups post what they need, and suppliers working with the council meet it: volunteers' time, goods, professional expertise, funding and work placements.

- **Posting a need?** Once everything pledged has arrived, you can choose to share your request here, to show others what is possible.
- **A supplier?** See the [open requests](/requests) for needs you could meet next.
`,
  },
];
