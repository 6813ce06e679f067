// The form field naming the organisation the header switcher was on when a page was shown (app/ui/form-for.tsx
// adds it to every posted form; permissions.server.ts reads it). Shared by the server and the browser.
export const SWITCHER_FIELD = "_shownFor";
