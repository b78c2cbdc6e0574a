/**
 * Stage 7 — dates: explicit years (في 1994، العام 1988), days and day ranges (1 إلى 2 أبريل/نيسان),
 * weekdays (السبت، الليلة الفاصلة بين الجمعة والسبت) and relative days (اليوم، أمس) resolved against
 * the publication date, keeping the precision.
 */

import type { Token } from "./tokens.js";
import type { DatePrecision } from "./types.js";

export interface DateExpr {
  date: string;
  precision: DatePrecision;
  start: number;
  end: number;
  tokStart: number;
}

const MONTHS: Record<string, number> = {};
const M = [
  ["يناير", "كانون الثاني", "جانفي"],
  ["فبراير", "شباط", "فيفري"],
  ["مارس", "اذار"],
  ["ابريل", "نيسان", "افريل"],
  ["مايو", "ايار", "ماي"],
  ["يونيو", "حزيران", "جوان"],
  ["يوليو", "تموز", "جويليه"],
  ["اغسطس", "اب", "اوت"],
  ["سبتمبر", "ايلول"],
  ["اكتوبر", "تشرين الاول"],
  ["نوفمبر", "تشرين الثاني"],
  ["ديسمبر", "كانون الاول"],
];
M.forEach((names, i) => {
  for (const n of names) MONTHS[n] = i + 1;
});
/** after a month name: the last one before the publication (-1) or the next one after it (+1) */
const RELATIVE_MONTH: Record<string, number> = { الماضي: -1, المنصرم: -1, الفايت: -1, المقبل: 1, القادم: 1 };

/** the first words of the month names: monthAt runs on every word of a text, and most are none */
const MONTH_FIRST = new Set(M.flat().map((n) => n.split(" ")[0]));
const WEEKDAYS: Record<string, number> = {
  الاحد: 0,
  الاثنين: 1,
  الثلاثاء: 2,
  الثلثاء: 2,
  الاربعاء: 3,
  الخميس: 4,
  الجمعه: 5,
  السبت: 6,
};

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const WD = new Map(Object.entries(WEEKDAYS));
/** و + weekday → weekday (only words starting with و are sliced: this runs on every token) */
const strip = (s: string) => {
  if (s.charCodeAt(0) !== 0x648 || s.length <= 3) return s;
  const r = s.slice(1);
  return WD.has(r) ? r : s;
};

function monthAt(toks: Token[], i: number): { month: number; e: number } | null {
  const t = toks[i];
  if (!t || !MONTH_FIRST.has(t.norm)) return null;
  const two = toks[i + 1] ? `${t.norm} ${toks[i + 1].norm}` : "";
  if (MONTHS[two]) return { month: MONTHS[two], e: i + 2 };
  const m = MONTHS[t.norm];
  if (!m) return null;
  let e = i + 1;
  // "أبريل/نيسان" or "فبراير شباط"
  if (toks[e]?.text === "/" && MONTHS[toks[e + 1]?.norm ?? ""]) e += 2;
  else if (MONTHS[toks[e]?.norm ?? ""] === m) e += 1;
  return { month: m, e };
}

export function findDates(toks: Token[], publishedAt: string | null): DateExpr[] {
  const out: DateExpr[] = [];
  const pub = publishedAt ? new Date(`${publishedAt}T00:00:00Z`) : null;
  const pubYear = pub ? pub.getUTCFullYear() : null;
  const used = new Set<number>();
  const mk = (date: string, precision: DatePrecision, s: number, e: number) => {
    for (let k = s; k < e; k++) used.add(k);
    out.push({ date, precision, start: toks[s].start, end: toks[e - 1].end, tokStart: s });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (used.has(i)) continue;
    if (t.kind === "num") {
      const v = Number(t.norm);
      // day range: D إلى D Month
      if (
        v >= 1 &&
        v <= 31 &&
        (toks[i + 1]?.norm === "الي" || toks[i + 1]?.norm === "-" || toks[i + 1]?.norm === "و") &&
        toks[i + 2]?.kind === "num"
      ) {
        const v2 = Number(toks[i + 2].norm);
        const mo = monthAt(toks, i + 3);
        if (mo && v2 >= 1 && v2 <= 31) {
          let e = mo.e;
          let y = pubYear;
          if (toks[e]?.kind === "num" && toks[e].norm.length === 4) {
            y = Number(toks[e].norm);
            e++;
          }
          if (y) mk(`${y}-${pad(mo.month)}-${pad(v)}/${y}-${pad(mo.month)}-${pad(v2)}`, "interval", i, e);
          else mk(`--${pad(mo.month)}-${pad(v)}`, "interval", i, e);
          continue;
        }
      }
      if (v >= 1 && v <= 31) {
        const mo = monthAt(toks, i + 1);
        if (mo) {
          let e = mo.e;
          let y = pubYear;
          if (toks[e]?.kind === "num" && toks[e].norm.length === 4) {
            y = Number(toks[e].norm);
            e++;
          } else if (y && pub && mo.month > pub.getUTCMonth() + 1) y -= 1;
          mk(y ? `${y}-${pad(mo.month)}-${pad(v)}` : `--${pad(mo.month)}-${pad(v)}`, y ? "day" : "day", i, e);
          continue;
        }
      }
      if (v >= 1900 && v <= 2100 && t.norm.length === 4) {
        mk(String(v), "year", i, i + 1);
        continue;
      }
    }
    if (t.kind === "word") {
      // a month and its year (في ديسمبر 2024، مارس/آذار 2023), or the last or next one from the publication
      // (في مارس الماضي، في يونيو المقبل)
      const mo = monthAt(toks, i);
      if (mo && toks[mo.e]?.kind === "num" && toks[mo.e].norm.length === 4) {
        mk(`${toks[mo.e].norm}-${pad(mo.month)}`, "month", i, mo.e + 1);
        continue;
      }
      const rel = mo && pub ? RELATIVE_MONTH[toks[mo.e]?.norm ?? ""] : undefined;
      if (mo && pub && rel) {
        const now = pub.getUTCMonth() + 1;
        const year = pub.getUTCFullYear() + (rel < 0 ? (mo.month >= now ? -1 : 0) : mo.month <= now ? 1 : 0);
        mk(`${year}-${pad(mo.month)}`, "month", i, mo.e + 1);
        continue;
      }
      const w = strip(t.norm);
      // الليلة الفاصلة بين الجمعة والسبت / بين X و Y
      if (
        w === "بين" &&
        WEEKDAYS[toks[i + 1]?.norm ?? ""] !== undefined &&
        WEEKDAYS[strip(toks[i + 2]?.norm ?? "")] !== undefined &&
        pub
      ) {
        const d2 = lastWeekday(pub, WEEKDAYS[strip(toks[i + 2].norm)]);
        const d1 = new Date(d2.getTime() - 86400000);
        mk(`${ymd(d1)}/${ymd(d2)}`, "interval", i, i + 3);
        continue;
      }
      if (pub && WD.has(w)) {
        mk(ymd(lastWeekday(pub, WEEKDAYS[w])), "day", i, i + 1);
        continue;
      }
      if (pub && (w === "اليوم" || w === "امس")) {
        const back = w === "امس" ? (toks[i - 2]?.norm === "اول" && toks[i - 1]?.norm === "من" ? 2 : 1) : 0;
        mk(ymd(new Date(pub.getTime() - back * 86400000)), "day", i, i + 1);
      }
    }
  }
  return out;
}

function lastWeekday(pub: Date, wd: number): Date {
  const diff = (pub.getUTCDay() - wd + 7) % 7;
  return new Date(pub.getTime() - diff * 86400000);
}
