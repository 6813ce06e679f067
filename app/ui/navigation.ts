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
  { to: "/guidance", label: "Guidance", show: () => true },
  { to: "/impact", label: "Our impact", show: () => true },
];

export function navigationFor(viewer: NavViewer) {
  return NAV_ITEMS.filter((item) => item.show(viewer)).map(({ to, label }) => ({ to, label }));
}
