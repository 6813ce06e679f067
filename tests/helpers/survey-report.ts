// A survey cycle's report as its officer reads it: the report page's main text and the aggregate CSV, with the CSV's
// "About the numbers" rows, which the page's notes must match.
import * as aggregateCsv from "~/routes/council.survey.$cycleId.aggregate[.]csv.ts";
import { readableMainText, renderPage } from "./render-page.ts";
import { callLoader } from "./routes.ts";

export async function aggregateCsvText(cycleId: string, cookie: string) {
  const response = await callLoader(aggregateCsv.loader, {
    path: `/council/survey/${cycleId}/aggregate.csv`,
    params: { cycleId },
    cookie,
  });
  // read to the end: the CSV is streamed, and a test that stopped at its headers would leave its queries running
  return response.text();
}

export async function surveyReportAndCsv(cycleId: string, cookie: string) {
  const response = await renderPage(`/council/survey/${cycleId}/report`, cookie);
  if (response.status !== 200) throw new Error(`the report answered ${response.status}`);
  const page = readableMainText(await response.text());
  const csv = await aggregateCsvText(cycleId, cookie);
  const notes = csv.split("\n").filter((line) => line.startsWith("About the numbers,"));
  return { page, csv, notes };
}
