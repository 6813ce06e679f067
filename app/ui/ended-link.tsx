// What a confirmation link that can no longer do anything says when opened (confirm your address, confirm your new
// address): the same words on each page, with that page's own way to a new link (`children`).
import type { ReactNode } from "react";
import { Notice } from "./components.tsx";

const ENDED_LINK_TITLE = "This link no longer works";

export function EndedLinkNotice({ children }: { children: ReactNode }) {
  return (
    <Notice kind="error" title={ENDED_LINK_TITLE}>
      It has expired, or has already been used, or a newer link was sent after it. {children}
    </Notice>
  );
}
