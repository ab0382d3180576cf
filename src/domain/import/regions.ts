// The atlas's region of every country an imported list may name (ISO 3166-1 alpha-2), with the same region ids and
// the same choices as data/curation/countries.csv (Russia and Ukraine in Europe, Turkey and Iran in the Middle
// East, Egypt and Morocco in Africa). A country missing here falls back to the built-in dataset's region, then Asia.
import type { RegionId } from '../schema';

const REGION_CODES: Record<RegionId, string> = {
  asia: 'AF BD BN BT CN HK ID IN JP KH KP KR KZ KG LA LK MM MN MO MV MY NP PH PK SG TH TJ TL TM TW UZ VN IO CC CX',
  europe:
    'AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
  'north-america': 'US CA GL PM BM UM',
  'latin-america':
    'AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI GS',
  oceania: 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF WS HM AQ BV TF',
  'middle-east': 'AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE',
  africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
};

export const REGION_OF: ReadonlyMap<string, RegionId> = new Map(
  (Object.entries(REGION_CODES) as [RegionId, string][]).flatMap(([region, codes]) => codes.split(' ').map((code) => [code, region] as const)),
);
