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
};

/** each trap category of the extraction issue: none of these is a phone call */
const TRAPS: Record<string, string> = {
  "a planned call (future tense)": "وسيتحدث الرئيس الغاني جون ماهاما هاتفيا مع الرئيس النيجيري بولا تينوبو غدا.",
  "a planned call (من المقرر أن)":
    "ومن المقرر أن يجري رئيس الوزراء الماليزي أنور إبراهيم اتصالا هاتفيا مع الرئيس الإندونيسي برابوو سوبيانتو الأسبوع المقبل.",
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
