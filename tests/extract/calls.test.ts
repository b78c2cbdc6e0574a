/**
 * Phone calls as real reports tell them, and the traps that are not calls. Sentences written for this test with
 * people and countries the dev corpora do not have (Ghana, Nigeria, Malaysia, Indonesia, Finland, Poland,
 * Colombia, Mexico, Portugal); each runs with the full lexicon and with the known-people list disabled.
 */
import { describe, expect, it } from "vitest";
import { extract, loadLexicon } from "../../src/extract/index.js";
import { expected, summarise } from "./summary.js";

const CONSTRUCTIONS: Record<string, { text: string; calls: string[] }> = {
  "في اتصال هاتفي أجراه مع Y، أكد X: the relative's subject is the main clause's, after it": {
    text: "وفي اتصال هاتفي أجراه مع رئيس الوزراء الماليزي أنور إبراهيم، أكد الرئيس الإندونيسي برابوو سوبيانتو أهمية التعاون.",
    calls: ["برابوو سوبيانتو -> أنور إبراهيم"],
  },
  "جرى اتصال هاتفي بين X و Y: a passive gives no direction": {
    text: "جرى اتصال هاتفي بين الرئيس الغاني جون ماهاما والرئيس النيجيري بولا تينوبو.",
    calls: ["جون ماهاما -- بولا تينوبو"],
  },
  "بين الرئيسين [nisba] و[nisba]: the two countries' unnamed presidents": {
    text: "وتناولت المحادثة الهاتفية بين الرئيسين الغاني والنيجيري الأوضاع في المنطقة.",
    calls: ["الرئيس الغاني -- الرئيس النيجيري"],
  },
  "تلقى X مكالمة هاتفية من Y: Y called": {
    text: "تلقى رئيس الوزراء الماليزي أنور إبراهيم مكالمة هاتفية من الرئيس الإندونيسي برابوو سوبيانتو.",
    calls: ["برابوو سوبيانتو -> أنور إبراهيم"],
  },
  "time words and commas between the verb, its subject and the call; an unnamed counterpart": {
    text: "تلقى، مساء أمس الأحد، وزير الخارجية البرتغالي جواو كرافينيو، اتصالا هاتفيا من نظيره المكسيكي.",
    calls: ["نظيره المكسيكي -> جواو كرافينيو"],
  },
  "a phone adverb after any verb (هنأ X Y هاتفيا): no direction": {
    text: "وهنأ الرئيس الكولومبي غوستافو بيترو الرئيس المكسيكي أندريس مانويل لوبيز هاتفيا بعيد ميلاده.",
    calls: ["غوستافو بيترو -- أندريس مانويل لوبيز"],
  },
  "a verb of talking before «عبر/في اتصال هاتفي» and its object after على (اطمأن X … على Y): no direction": {
    text: "واطمأن رئيس الوزراء الماليزي أنور إبراهيم، اليوم، عبر اتصال هاتفي على صحة الرئيس الإندونيسي برابوو سوبيانتو.",
    calls: ["أنور إبراهيم -- برابوو سوبيانتو"],
  },
  "في اتصال هاتفي جمعه بـ Y، بحث X: a verb of joining with its object pronoun is the phrase's relative": {
    text: "وفي اتصال هاتفي جمعه بالرئيس النيجيري بولا تينوبو، بحث الرئيس الغاني جون ماهاما الأوضاع في الساحل.",
    calls: ["جون ماهاما -- بولا تينوبو"],
  },
  "بادر X بالاتصال بـ Y: X took the initiative": {
    text: "بادر الرئيس الغاني جون ماهاما بالاتصال هاتفيا بنظيره النيجيري بولا تينوبو.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "رد X على اتصال هاتفي من Y: Y called": {
    text: "وقد رد الرئيس الغاني جون ماهاما على اتصال هاتفي من نظيره النيجيري بولا تينوبو.",
    calls: ["بولا تينوبو -> جون ماهاما"],
  },
  "مكالمة هاتفية بأخيه فخامة الرئيس Y: the preposition on the courtesy «his brother»": {
    text: "أجرى فخامة الرئيس الغاني جون ماهاما، يوم الأحد، مكالمة هاتفية بأخيه فخامة الرئيس بولا تينوبو رئيس جمهورية نيجيريا.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "جمع اتصال هاتفي X بـ Y: the call is the subject, X the object": {
    text: "جمع اتصال هاتفي، مساء الثلاثاء، الرئيس الغاني جون ماهاما بنظيره النيجيري بولا تينوبو.",
    calls: ["جون ماهاما -- بولا تينوبو"],
  },
  "شكر X Y على اتصاله: Y called": {
    text: "وشكر الرئيس الغاني جون ماهاما نظيره النيجيري بولا تينوبو على اتصاله.",
    calls: ["بولا تينوبو -> جون ماهاما"],
  },
  "كان الجانب X المبادر before the call: X's party called": {
    text: "قال المتحدث باسم الرئاسة الماليزية إن الجانب الماليزي كان المبادر في الحديث الهاتفي بين رئيس الوزراء الماليزي أنور إبراهيم والرئيس الإندونيسي برابوو سوبيانتو.",
    calls: ["أنور إبراهيم -> برابوو سوبيانتو"],
  },
  "اتصالات مع قادة … ويتعلق الأمر بـ A و B: one call to each member listed after the group": {
    text: "أجرى رئيس الوزراء الماليزي أنور إبراهيم اتصالات هاتفية مع قادة دول الجوار، ويتعلق الأمر بالرئيس الإندونيسي برابوو سوبيانتو والرئيس الغاني جون ماهاما.",
    calls: ["أنور إبراهيم -> برابوو سوبيانتو", "أنور إبراهيم -> جون ماهاما"],
  },
  "وفي اتصال هاتفي مع Y، أكد X: the phrase opens the sentence, its subject follows the verb": {
    text: "وفي اتصال هاتفي مع رئيس الوزراء الماليزي أنور إبراهيم، أكد الرئيس الإندونيسي برابوو سوبيانتو أهمية التعاون.",
    calls: ["برابوو سوبيانتو -- أنور إبراهيم"],
  },
  "هاتف X Y: a verb that is a call by itself": {
    text: "وهاتف الرئيس الغاني جون ماهاما نظيره النيجيري بولا تينوبو مساء أمس.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "أجرى X اتصالين بكل من A و B": {
    text: "أجرى الرئيس الغاني جون ماهاما اتصالين هاتفيين بكل من الرئيس النيجيري بولا تينوبو ورئيس الوزراء الماليزي أنور إبراهيم.",
    calls: ["جون ماهاما -> بولا تينوبو", "جون ماهاما -> أنور إبراهيم"],
  },
  "تلقى X اتصالات من كل من: A، B: one call per caller of the list": {
    text: "وتلقى الرئيس الغاني جون ماهاما اتصالات هاتفية من كل من: الرئيس النيجيري بولا تينوبو، ورئيس الوزراء الماليزي أنور إبراهيم.",
    calls: ["بولا تينوبو -> جون ماهاما", "أنور إبراهيم -> جون ماهاما"],
  },
  "كما تلقى اتصالا مماثلا من Y: a bare call noun received from a person, the subject in force": {
    text: "وتلقى الرئيس الغاني جون ماهاما اتصالا هاتفيا من الرئيس النيجيري بولا تينوبو، كما تلقى اتصالا مماثلا من رئيس الوزراء الماليزي أنور إبراهيم.",
    calls: ["بولا تينوبو -> جون ماهاما", "أنور إبراهيم -> جون ماهاما"],
  },
  "a re-mention (خلال الاتصال، بحث الرئيسان) is the same call": {
    text: "أجرى الرئيس الغاني جون ماهاما اتصالا هاتفيا مع الرئيس النيجيري بولا تينوبو. وخلال الاتصال، بحث الرئيسان الأوضاع في المنطقة، وأكدا أهمية التعاون.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "اتصل X هاتفيا بالسيد Y: a preposition attached to the honorific": {
    text: "اتصل الرئيس الغاني جون ماهاما هاتفيا بالسيد بولا تينوبو رئيس نيجيريا.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "من رئيس جمهورية X السيد Y: a state noun before the country, an honorific before the name": {
    text: "تلقى رئيس الوزراء الماليزي أنور إبراهيم، اتصالاً هاتفياً، من رئيس جمهورية إندونيسيا السيد برابوو سوبيانتو.",
    calls: ["برابوو سوبيانتو -> أنور إبراهيم"],
  },
  "بين الرئيس جون والرئيس بولا: a given name after a title re-mentions the full name": {
    text: "أجرى الرئيس الغاني جون ماهاما اتصالا هاتفيا مع الرئيس النيجيري بولا تينوبو. وتناولت المكالمة الهاتفية بين الرئيس جون والرئيس بولا الأوضاع في المنطقة.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "بين X وأخيه فخامة Y: the courtesy «his brother» joins the second party": {
    text: "جرى اتصال هاتفي بين فخامة الرئيس الغاني جون ماهاما وأخيه فخامة الرئيس النيجيري بولا تينوبو.",
    calls: ["جون ماهاما -- بولا تينوبو"],
  },
  "X والفريق أول ركن Y: a military rank before the name": {
    text: "جرى اتصال هاتفي بين الرئيس الغاني جون ماهاما والفريق أول ركن كريستوفر موسا رئيس أركان الجيش النيجيري.",
    calls: ["جون ماهاما -- كريستوفر موسا"],
  },
  "تحدث X هاتفيا مع A، ثم مع B: one call with each": {
    text: "وتحدث الرئيس الغاني جون ماهاما هاتفيا مع الرئيس النيجيري بولا تينوبو، ثم مع رئيس الوزراء الماليزي أنور إبراهيم.",
    calls: ["جون ماهاما -- بولا تينوبو", "جون ماهاما -- أنور إبراهيم"],
  },
  "اتصل X بـ A وبـ B: the preposition said again": {
    text: "واتصل الرئيس الغاني جون ماهاما بالرئيس النيجيري بولا تينوبو وبرئيس الوزراء الماليزي أنور إبراهيم.",
    calls: ["جون ماهاما -> بولا تينوبو", "جون ماهاما -> أنور إبراهيم"],
  },
  "بحث هاتفيا X مع Y: the subject after the adverb": {
    text: "بحث هاتفيا الرئيس الغاني جون ماهاما مع الرئيس النيجيري بولا تينوبو الأوضاع في المنطقة.",
    calls: ["جون ماهاما -- بولا تينوبو"],
  },
  "وفي اتصال هاتفي بين الرئيسين، أكد X و Y: a bare dual, the pair follows": {
    text: "وفي اتصال هاتفي بين الرئيسين، أكد الرئيس الغاني جون ماهاما والرئيس النيجيري بولا تينوبو أهمية التعاون.",
    calls: ["جون ماهاما -- بولا تينوبو"],
  },
  "قام X باتصال هاتفي بـ Y": {
    text: "وقام الرئيس الغاني جون ماهاما باتصال هاتفي بالرئيس النيجيري بولا تينوبو.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "أعلنت الوزارة أن الوزير أجرى اتصالا …، وأكد X الوزير: a bare title, its holder named later": {
    text: "وأعلنت وزارة الخارجية الغانية أن وزير الخارجية أجرى اتصالا هاتفيا مع وزير الخارجية البرتغالي جواو كرافينيو. وأكد صامويل أبلاكوا وزير الخارجية خلال الاتصال متانة العلاقات.",
    calls: ["صامويل أبلاكوا -> جواو كرافينيو"],
  },
  "أجرى X، اتصالا، بنظيره Y: a bare call noun, commas, a counterpart with an attached preposition": {
    text: "أجرى الرئيس الغاني جون ماهاما، اتصالا، بنظيره النيجيري بولا تينوبو، تناول العلاقات الثنائية.",
    calls: ["جون ماهاما -> بولا تينوبو"],
  },
  "من رئيس المجلس الرئاسي في ليبيا، X: a body in plain words and its country between the title and the name": {
    text: "تلقى الرئيس الغاني جون ماهاما اتصالا هاتفيا من رئيس المجلس الرئاسي في ليبيا، محمد المنفي.",
    calls: ["محمد المنفي -> جون ماهاما"],
  },
  "talks (محادثات) with a party, in a story that told a phone call: calls too": {
    text: "أجرى وزير الخارجية الغاني صامويل أبلاكوا اتصالا هاتفيا مع نظيره البرتغالي جواو كرافينيو. كما أجرى أبلاكوا محادثات مع كل من وزير الخارجية النيجيري يوسف توغار، ووزير الخارجية الماليزي محمد حسن.",
    calls: ["صامويل أبلاكوا -> جواو كرافينيو", "صامويل أبلاكوا -> يوسف توغار", "صامويل أبلاكوا -> محمد حسن"],
  },
  "رئيس + a body the lexicon does not know + the name (رئيس المجلس الرئاسي لحكومة X)": {
    text: "أجرى رئيس المجلس الانتقالي لحكومة الإنقاذ كوامي نكروما اتصالا هاتفيا مع الرئيس النيجيري بولا تينوبو.",
    calls: ["كوامي نكروما -> بولا تينوبو"],
  },
  "أعلنت الخارجية [nisba] أن وزير الخارجية أجرى اتصالا مع نظيره [nisba]: the quoted body's country names the minister":
    {
      text: "وأعلنت وزارة الخارجية الغانية، أن وزير الخارجية أجرى اتصالا هاتفيا مع نظيره النيجيري.",
      calls: ["وزير الخارجية -> نظيره النيجيري"],
    },
};

/** each trap category of the extraction issue: none of these is a phone call */
const TRAPS: Record<string, string> = {
  "a planned call (future tense)": "وسيتحدث الرئيس الغاني جون ماهاما هاتفيا مع الرئيس النيجيري بولا تينوبو غدا.",
  "a planned call (من المقرر أن)":
    "ومن المقرر أن يجري رئيس الوزراء الماليزي أنور إبراهيم اتصالا هاتفيا مع الرئيس الإندونيسي برابوو سوبيانتو الأسبوع المقبل.",
  "a planned call (present tense, a day ahead)":
    "يجري الرئيس الغاني جون ماهاما اتصالا هاتفيا مع الرئيس النيجيري بولا تينوبو غدا الخميس.",
  "talks with no phone call told in the story":
    "أجرى وزير الخارجية الغاني صامويل أبلاكوا محادثات مع وزير الخارجية النيجيري يوسف توغار.",
  "a call whose maker is unknown: the persons after مع are not each other's parties":
    "كما أجرى المسؤول اتصالات مع كل من وزير الخارجية النيجيري يوسف توغار، ووزير الخارجية الماليزي محمد حسن.",
  "a denied call":
    "ونفت الرئاسة الغانية أن يكون الرئيس جون ماهاما قد تلقى اتصالا هاتفيا من الرئيس النيجيري بولا تينوبو.",
  "a refused call": "ورفض رئيس الوزراء الماليزي أنور إبراهيم الرد على مكالمة الرئيس الإندونيسي برابوو سوبيانتو.",
  "an attempted call": "وحاول الرئيس الكولومبي غوستافو بيترو إجراء اتصال هاتفي مع الرئيس المكسيكي أندريس مانويل لوبيز.",
  "a written message":
    "وتسلم الرئيس الغاني جون ماهاما رسالة خطية من الرئيس النيجيري بولا تينوبو تتعلق بالعلاقات الثنائية.",
  "an oral message carried by an envoy":
    "ونقل وزير الخارجية البرتغالي جواو كرافينيو رسالة شفهية من الرئيس الغاني جون ماهاما إلى الرئيس النيجيري بولا تينوبو.",
  "a video call": "وعقد الرئيس الغاني جون ماهاما اتصالا مرئيا مع الرئيس النيجيري بولا تينوبو.",
  "an in-person meeting": "والتقى الرئيس الغاني جون ماهاما الرئيس النيجيري بولا تينوبو في أبوجا.",
  "a phone-in to a radio programme": "وقال الرئيس الغاني جون ماهاما في مداخلة هاتفية مع برنامج إذاعي إن الوضع مستقر.",
  "a conversation with no stated medium": "وتحدث الرئيس الغاني جون ماهاما مع الرئيس النيجيري بولا تينوبو حول الأوضاع.",
};

describe("an earlier call of the same pair", () => {
  const call = "أجرى الرئيس الغاني جون ماهاما اتصالا هاتفيا مع الرئيس النيجيري بولا تينوبو.";
  const calls = (t: string) =>
    extract(`${call} ${t}`, { publishedAt: "2025-03-02" }).events.filter((e) => e.kind === "PhoneCall");

  it("told with a date of its own is a call of its own, with that date", () => {
    const found = calls("وكان آخر اتصال هاتفي بين الرئيسين قد جرى في مارس 2023.");
    expect(found.map((e) => [e.date, e.datePrecision])).toEqual([
      [null, null],
      ["2023-03", "month"],
    ]);
  });

  it.each([
    // no date: the call told before
    "وفي آخر اتصال بينهما، أكد الرئيسان دعم السلام.",
    // a date that is not «earlier»: the same call, dated
    "وجرى الاتصال بين الرئيسين في مارس 2023.",
  ])("told otherwise is the call told before: %s", (t) => {
    expect(calls(t)).toHaveLength(1);
  });
});

for (const people of [true, false]) {
  describe(`phone calls — ${people ? "full lexicon" : "without people.yaml"}`, () => {
    const lex = loadLexicon({ people });
    for (const [name, c] of Object.entries(CONSTRUCTIONS)) {
      it(name, () => {
        expect(summarise(extract(c.text, {}, lex)).calls.sort()).toEqual(expected(c.calls));
      });
    }
    for (const [name, text] of Object.entries(TRAPS)) {
      it(`not a call: ${name}`, () => {
        const g = extract(text, {}, lex);
        expect(g.events.filter((e) => e.kind === "PhoneCall")).toEqual([]);
        // the trap is not empty: its parties are found (a programme is none), so no call is a decision, not a miss
        expect(summarise(g).people.length).toBeGreaterThanOrEqual(name.includes("phone-in") ? 1 : 2);
      });
    }
  });
}
