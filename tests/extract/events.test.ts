import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.js";

const calls = (t: string) =>
  extract(t, { publishedAt: "2020-01-01" })
    .events.filter((e) => e.kind === "PhoneCall")
    .map((e) => [e.participants[0].entity, e.participants[1].entity, e.directed]);

describe("phone calls", () => {
  it("تلقى X اتصالا من Y → Y called X", () => {
    expect(calls("تلقى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان.")).toEqual([
      ["person:recep-tayyip-erdogan", "person:vladimir-putin", true],
    ]);
  });
  it("أجرى X اتصالا مع Y → X called Y", () => {
    expect(calls("أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا مع نظيره الإيراني محمد جواد ظريف.")).toEqual([
      ["person:sergey-lavrov", "person:mohammad-javad-zarif", true],
    ]);
  });
  it("بحث X هاتفيا مع Y → undirected; بمبادرة من الجانب Z → directed", () => {
    expect(calls("بحث الرئيس الروسي فلاديمير بوتين هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون الوضع.")).toEqual([
      ["person:vladimir-putin", "person:emmanuel-macron", false],
    ]);
    expect(
      calls(
        "بحث الرئيس الروسي فلاديمير بوتين هاتفيا مع الرئيس الفرنسي إيمانويل ماكرون الوضع. وجاءت المكالمة بمبادرة من الجانب الفرنسي.",
      ),
    ).toEqual([["person:emmanuel-macron", "person:vladimir-putin", true]]);
  });
  it("planned calls, phone-ins and contacts with journalists are not calls", () => {
    expect(calls("الرئيس الأميركي دونالد ترامب سيجري غدا اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي.")).toEqual(
      [],
    );
    expect(calls("وقال المتحدث باسم الكرملين دميتري بيسكوف في اتصال مع الصحافيين إن الوضع هادئ.")).toEqual([]);
  });
  it("a repeated mention adds evidence, not a new call", () => {
    const g = extract(
      "أجرى لافروف اتصالا هاتفيا مع وزير الخارجية الأرميني إدوارد نالبانديان. وتحادث لافروف مع نالبانديان حول الوضع.",
      {},
    );
    const c = g.events.filter((e) => e.kind === "PhoneCall");
    expect(c.length).toBe(1);
    expect(c[0].evidence.length).toBe(2);
  });
  it("two calls in one sentence with نظيريه", () => {
    expect(
      calls(
        "أجرى وزير الدفاع الروسي سيرغي شويغو اتصالين هاتفيين مع نظيريه، الأرمني سيران أغانيان والأذربيجاني زاكير غاسانوف.",
      ).length,
    ).toBe(2);
  });
});

describe("statements", () => {
  it("continuation verbs and media attributions", () => {
    const g = extract(
      'قال الرئيس التركي رجب طيب أردوغان إن الوضع خطير. وأضاف "لن نسكت". ونقلت وكالة الأناضول عن وزارة الخارجية التركية قولها إن الاتصالات مستمرة.',
      {},
    );
    const st = g.events.filter((e) => e.kind === "Statement").map((e) => [e.participants[0].entity, e.verb]);
    expect(st).toEqual([
      ["person:recep-tayyip-erdogan", "قال"],
      ["person:recep-tayyip-erdogan", "أضاف"],
      ["org:tr:mfa", "قال"],
    ]);
  });
});
