import { describe, expect, it } from "vitest";
import { extract, findDates, loadLexicon, splitSentences, tokenize, variants } from "../../src/extract/index.js";
import { Mentioner } from "../../src/extract/mentions.js";
import { normaliseArabic, normaliseWithMap } from "../../src/text/normalise.js";

describe("normalise", () => {
  it("folds diacritics, tatweel, alef forms, ى, ة, Persian letters and digits", () => {
    expect(normaliseArabic("أَحْمَد")).toBe("احمد");
    expect(normaliseArabic("إلـــهام  آل")).toBe("الهام ال");
    expect(normaliseArabic("مصطفى")).toBe("مصطفي");
    expect(normaliseArabic("وزارة")).toBe("وزاره");
    expect(normaliseArabic("پوتین ١٩٩٤ ۲۰")).toBe("بوتين 1994 20");
    expect(normaliseArabic("اتصالًا هاتفيًّا")).toBe("اتصالا هاتفيا");
  });
  it("maps normalised characters back to original offsets", () => {
    const src = "قالَ  بوتين";
    const n = normaliseWithMap(src);
    expect(n.text).toBe("قال بوتين");
    const i = n.text.indexOf("بوتين");
    expect(src.slice(n.map[i], n.map[i + 5 - 1] + 1)).toBe("بوتين");
  });
  it("spelling variants share a key", () => {
    expect(normaliseArabic("أبراميان")).toBe(normaliseArabic("ابراميان"));
    expect(normaliseArabic("أردوغان")).toBe(normaliseArabic("اردوغان"));
  });
});

describe("sentences and tokens", () => {
  it("splits sentences keeping offsets", () => {
    const t = "قال الرئيس: نعم. ثم أضاف شيئا!\nسطر جديد";
    const s = splitSentences(t);
    expect(s.length).toBe(3);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
  it("splits run-together sentences at a full stop", () => {
    const s = splitSentences("من المدنيين والعسكريين.وبعد أن قدم");
    expect(s.length).toBe(2);
  });
  it("tokenizes with offsets and separates digits from letters", () => {
    const t = "تدمير 6 دبابات و15 بطارية";
    const toks = tokenize(t);
    expect(toks.map((x) => x.text)).toEqual(["تدمير", "6", "دبابات", "و", "15", "بطارية"]);
    for (const k of toks) expect(t.slice(k.start, k.end)).toBe(k.text);
  });
  it("offers clitic-stripped variants", () => {
    const forms = (s: string) => variants(normaliseArabic(s)).map((v) => v.form);
    expect(forms("بنظيريه")).toContain("نظيريه");
    expect(forms("لوزارة")).toContain("وزاره");
    expect(forms("وأعلنت")).toContain("اعلنت");
    expect(forms("للكرملين")).toContain("الكرملين");
    expect(forms("والأذربيجاني")).toContain("الاذربيجاني");
  });
});

describe("lexicon and mentions", () => {
  const lex = loadLexicon();
  const chunks = (t: string) => new Mentioner(lex, tokenize(t), t).run();
  it("loads countries with nisbas and capitals", () => {
    expect(lex.countries.get("AM")?.en).toBe("Armenia");
    for (const f of ["الارميني", "الارمني", "الارمنيه", "الاذربيجانيه", "الروسي"])
      expect(lex.index.get(f)?.some((e) => e.type === "nisba")).toBe(true);
    expect(lex.index.get("باكو")?.[0].ref).toBe("AZ");
  });
  it("recognises a title with nisba and name", () => {
    const cs = chunks("قال وزير الخارجية الروسي سيرغي لافروف إن");
    const p = cs.find((c) => c.type === "person");
    expect(p?.personId).toBe("person:sergey-lavrov");
    expect(p?.titles?.[0]).toMatchObject({ office: "foreign-minister", country: "RU" });
  });
  it("recognises an unknown person from a title pattern", () => {
    const cs = chunks("وقال وزير الداخلية الليبي خالد مازن إن الوضع مستقر");
    const p = cs.find((c) => c.type === "person");
    expect(p?.nameTokens).toEqual(["خالد", "مازن"]);
    expect(p?.titles?.[0]).toMatchObject({ office: "interior-minister", country: "LY" });
  });
  it("builds ministries in adjective and genitive form", () => {
    const a = chunks("وزارة الدفاع الأرمنية").find((c) => c.type === "org");
    const b = chunks("وزارة دفاع أذربيجان").find((c) => c.type === "org");
    const c = chunks("المكتب الصحفي لوزارة دفاع أذربيجان").find((x) => x.type === "org");
    expect(a?.orgId).toBe("org:am:mod");
    expect(b?.orgId).toBe("org:az:mod");
    expect(c?.orgId).toBe("org:az:mod:press-office");
    expect(c?.parent).toBe("org:az:mod");
  });
  it("parses counterparts with nisbas and names in apposition", () => {
    const cs = chunks("اتصل لافروف بنظيريه، الأرمني والأذربيجاني، إدوارد نالبانديان وإلمار ماميدياروف، داعيا");
    const cp = cs.find((c) => c.type === "counterpart");
    expect(cp?.slots?.map((s) => s.country)).toEqual(["AM", "AZ"]);
    expect(cp?.slots?.map((s) => s.person?.personId)).toEqual(["person:edward-nalbandian", "person:elmar-mammadyarov"]);
  });
  it("reads عمان as Amman where its sentence, else its document, names Jordan and not Oman; else as Oman", () => {
    const state = (t: string) => {
      const g = extract(t, {}, lex);
      const at = t.lastIndexOf("عمان");
      return g.entities.find((e) => e.kind === "Country" && e.mentions.some((m) => m.start === at))?.id;
    };
    expect(state("والتقى وزير الخارجية الأردني نظيره الفنلندي في عمان.")).toBe("country:jo");
    expect(state("وزار الرئيس الفنلندي عمان الأسبوع الماضي.")).toBe("country:om");
    expect(state("والتقى الوزير الأردني نظيره العماني في عمان.")).toBe("country:om");
    expect(state("وصل الوفد الفنلندي إلى الأردن. وعقد اجتماعا في عمان.")).toBe("country:jo");
  });
  it("splits run-together country names", () => {
    const cs = chunks("بين أرمينياوأذربيجان");
    expect(cs.filter((c) => c.type === "country").map((c) => c.iso)).toEqual(["AM", "AZ"]);
  });
});

describe("dates", () => {
  /** the dates of a text as [date, precision] */
  const dated = (t: string, publishedAt: string | null) =>
    findDates(tokenize(t), publishedAt).map((x) => [x.date, x.precision]);

  it("resolves years, day ranges and weekdays against the publication date", () => {
    const t = "في الليلة الفاصلة بين الجمعة والسبت، 1 إلى 2 أبريل/نيسان منذ 1994";
    expect(dated(t, "2016-04-02")).toEqual([
      ["2016-04-01/2016-04-02", "interval"],
      ["2016-04-01/2016-04-02", "interval"],
      ["1994", "year"],
    ]);
    expect(findDates(tokenize("السبت"), "2016-04-05")[0].date).toBe("2016-04-02");
  });
  it("a month with its year is that month; a day with them is that day", () => {
    expect(dated("جرى في ديسمبر 2024، ثم في مايو/أيار 2025، ثم يوم 3 مارس 2025", "2025-06-01")).toEqual([
      ["2024-12", "month"],
      ["2025-05", "month"],
      ["2025-03-03", "day"],
    ]);
  });
  it("a month with الماضي or المقبل is the last or the next one from the publication", () => {
    expect(dated("جرى في مارس الماضي، ثم في فبراير الماضي، ثم في يونيو المقبل", "2025-03-02")).toEqual([
      ["2024-03", "month"],
      ["2025-02", "month"],
      ["2025-06", "month"],
    ]);
    // without a publication date, none
    expect(dated("في مارس الماضي", null)).toEqual([]);
  });
});
