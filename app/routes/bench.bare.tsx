import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

// The benchmark's reference: a Remix route doing no work of its own, measured in the same run as /requests.
export function loader() {
  return json({ now: Date.now() });
}

export default function BareRoute() {
  const { now } = useLoaderData<typeof loader>();
  return <h1 className="text-3xl font-bold">Reference page {now}</h1>;
}
