// Progress status as a tag: words first, colour only as a second cue.
import {
  progressStatusText,
  RAG_LABELS,
  type QualitativeStatus,
  type Rag,
} from "~/domain/reporting/progress.ts";
import { Tag, type TagColour } from "~/ui/components.tsx";

const COLOURS: Record<Rag | QualitativeStatus, TagColour> = {
  GREEN: "green",
  AMBER: "yellow",
  RED: "red",
  NOT_YET_DUE: "grey",
  OVERDUE: "red",
  REPORTED: "green",
  NOT_REPORTED: "orange",
};

export function RagTag({ status }: { status: Rag | QualitativeStatus | null }) {
  if (!status) return null;
  return <Tag colour={COLOURS[status]}>{progressStatusText(status)}</Tag>;
}

export function statusCounts(statuses: Partial<Record<Rag | QualitativeStatus, number>>) {
  return (Object.keys(RAG_LABELS) as (Rag | QualitativeStatus)[])
    .filter((s) => statuses[s])
    .map((s) => `${statuses[s]} ${RAG_LABELS[s].toLowerCase()}`)
    .join(", ");
}
