import { notFound } from "~/auth/permissions.server.ts";

// Any address no other route claims: the 404 page from the root error boundary.
export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
