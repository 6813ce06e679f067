// The header navigation, by role. Each feature adds its own entries here (and only for routes that exist).
export type NavViewer = {
  signedIn: boolean;
  kinds: ("COUNCIL" | "SUPPLIER" | "VCSE")[];
  isCouncilAdmin: boolean;
  isPlatformAdmin: boolean;
  surveyAccess: boolean;
};

export type NavItem = { to: string; label: string; show: (viewer: NavViewer) => boolean };

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Home", show: () => true },
  {
    to: "/dashboard",
    label: "Dashboard",
    show: (v) => v.signedIn && (v.kinds.includes("SUPPLIER") || v.kinds.includes("VCSE")),
  },
  { to: "/council/dashboard", label: "Council dashboard", show: (v) => v.kinds.includes("COUNCIL") },
  { to: "/council/reports", label: "Reports", show: (v) => v.kinds.includes("COUNCIL") },
  { to: "/requests", label: "Find requests", show: () => true },
  { to: "/my-requests", label: "Your requests", show: (v) => v.kinds.includes("VCSE") },
  { to: "/pledges", label: "Your pledges", show: (v) => v.kinds.includes("SUPPLIER") },
  { to: "/matching", label: "Requests for you", show: (v) => v.kinds.includes("SUPPLIER") },
  { to: "/council/moderation", label: "Requests to approve", show: (v) => v.kinds.includes("COUNCIL") },
  { to: "/guidance", label: "Guidance", show: () => true },
  { to: "/impact", label: "Our impact", show: () => true },
  { to: "/organisations", label: "Your organisations", show: (v) => v.signedIn },
  { to: "/council/verification", label: "Verify organisations", show: (v) => v.kinds.includes("COUNCIL") },
  {
    to: "/contracts",
    label: "Contracts",
    show: (v) => v.kinds.includes("COUNCIL") || v.kinds.includes("SUPPLIER"),
  },
  { to: "/council/measures", label: "Measures", show: (v) => v.kinds.includes("COUNCIL") },
  {
    to: "/returns",
    label: "Quarterly returns",
    show: (v) => v.kinds.includes("SUPPLIER") || v.kinds.includes("COUNCIL"),
  },
  { to: "/survey", label: "Diversity survey", show: (v) => v.kinds.includes("SUPPLIER") },
  { to: "/council/survey", label: "Supplier survey", show: (v) => v.surveyAccess },
  { to: "/admin/councils", label: "Councils", show: (v) => v.isPlatformAdmin },
  { to: "/admin/mailbox", label: "Mailbox", show: (v) => v.isPlatformAdmin },
];

export function navigationFor(viewer: NavViewer) {
  return NAV_ITEMS.filter((item) => item.show(viewer)).map(({ to, label }) => ({ to, label }));
}
