// The UK's postcode areas: the one or two letters that begin every postcode ("GU" of GU1 1AA), as Royal Mail
// defines them, with the Channel Islands and the Isle of Man, which use the same scheme. "ZZ99" has a postcode
// area's shape but no letters of one: no request or district is placed there.
const UK_POSTCODE_AREAS = new Set(
  (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK " +
    "FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN " +
    "NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW " +
    "UB W WA WC WD WF WN WR WS WV YO ZE"
  ).split(" "),
);

/** Whether an outward code shaped like "GU1" or "SW1A" (already upper case) begins with a UK postcode area. */
export function inUkPostcodeArea(outwardCode: string): boolean {
  const letters = /^[A-Z]+/.exec(outwardCode)?.[0] ?? "";
  return UK_POSTCODE_AREAS.has(letters);
}
