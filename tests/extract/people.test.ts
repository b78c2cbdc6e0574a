/**
 * People the lexicon does not know: one sentence per construction, with invented people and countries the
 * corpora do not have. Each case runs with the full lexicon and with people.yaml disabled.
 */
import { describe, expect, it } from "vitest";
import { type DocumentGraph, extract, loadLexicon } from "../../src/extract/index.js";
import { key } from "../../src/extract/score.js";

interface Case {
  text: string;
  /** the people found (names), exactly */
  people: string[];
  /** mentions of one person (its name, then every mention text expected) */
  mentions?: [string, ...string[]];
}

const CASES: Record<string, Case> = {
  "a foreign particle (دا، دو) after three name words, and a word after it in the shape of a verb or accusative": {
    text: "والتقى الرئيس البرتغالي جواو ماريو فيريرا دا سيلفيرا نظيره الأنغولي باولو دو سانتوسا.",
    people: ["جواو ماريو فيريرا دا سيلفيرا", "باولو دو سانتوسا"],
  },
  "a family name in بـ…ة before «ونظيره» closes the name": {
    text: "وبحث وزير الخارجية الموريتاني سيدي بولحية ونظيره السنغالي ياسين فال التعاون.",
    people: ["سيدي بولحية", "ياسين فال"],
  },
  "a given name that is also a word (سلام) before an adjective of news prose is no name": {
    text: "ودعا وزير الخارجية الفنلندي ماتي كوسكينن إلى تحقيق سلام شامل وعادل في المنطقة.",
    people: ["ماتي كوسكينن"],
  },
  "after a verb of saying, one strong word before an adverbial accusative (ردا، تعليقا) is the speaker": {
    text: "وقال فيرتانين ردا على سؤال للصحفيين إن الحكومة لن تستقيل. وقالت كوسكيلا تعليقا على ذلك إن الأمر محسوم.",
    people: ["فيرتانين", "كوسكيلا"],
  },
  "after a verb of saying, a bare name closed by an office in apposition (مدير مكتب …)": {
    text: "وقال أنتي ليندتمان مدير مكتب رئيس الوزراء الفنلندي إن الحكومة باقية.",
    people: ["أنتي ليندتمان"],
  },
  "a name after an office and a nisba": {
    text: "وأكد وزير الخارجية الفنلندي ماتي كوسكينن أن بلاده تدعم الحوار.",
    people: ["ماتي كوسكينن"],
  },
  "after بن and أبي a noun in construct: a name even when it is a common word or a verb": {
    text: "وروى مالك بن أبي طالب الحديث عن جده.",
    people: ["مالك بن أبي طالب"],
  },
  "a و-word after أبي belongs to the name, not to a list": {
    text: "وخرج ياسر بن أبي وقار إلى الشام بعد وفاة أخيه.",
    people: ["ياسر بن أبي وقار"],
  },
  "a compound given name with the article (سيف الدين) keeps its family name": {
    text: "وقال الفنان سيف الدين موراتي إن العرض سيستمر أسبوعا.",
    people: ["سيف الدين موراتي"],
  },
  "a nisba closes a name after an honorific and in a kunya": {
    text: "وخطب الشيخ فيصل الموريتاني في المصلين، وحضر أبو خالد التونسي الخطبة.",
    people: ["فيصل الموريتاني", "أبو خالد التونسي"],
  },
  "a given name that is also a common word, then a compound name or a closed family name": {
    text: "وشارك في الحفل نبيل عبد الرزاق وعدد من الفنانين. وأوضح عادل قرمازي، أن الأسعار سترتفع.",
    people: ["نبيل عبد الرزاق", "عادل قرمازي"],
  },
  "a noun and an adjective or a plural are no name even when the noun is a given name (باسم، سند)": {
    text: "وتحدث باسم صحفيين ومحامين، وحذر من سند مفقود.",
    people: [],
  },
  "after كان a verb or an accusative is the predicate, no name": {
    text: "وكان سيحدث ذلك قبل عام، وكان قادما من المطار.",
    people: [],
  },
  "common plural nouns and regions are no names, after كان or a verb": {
    text: "وكانت تقارير قد أشارت إلى ذلك، وكان أعضاء المجلس غائبين. وشهدت كردستان ودارفور هجمات جديدة.",
    people: [],
  },
  "a function word with a pronoun suffix is no name (وكان فيهم)": {
    text: "وكان فيهم من يعارض ذلك، وكان منهم من يؤيده.",
    people: [],
  },
  "a definite family name in ة closes a compound or a lineage (عبد الكريم الزبيدة، بن ناصر العميرة)": {
    text: "وقال رئيس الحكومة الليبية عبد الكريم الزبيدة، إن سالم بن ناصر العميرة، سيزور طرابلس.",
    people: ["عبد الكريم الزبيدة", "سالم بن ناصر العميرة"],
  },
  "an office head after two names begins the apposition": {
    text: "وقال ماتيو فيرانتي أمين متحف المدينة إن المعرض سيفتتح قريبا.",
    people: ["ماتيو فيرانتي"],
  },
  "a nisba without the article after a given name is a family name": {
    text: "وأكد ديفيد كندي أن الشركة ستوسع أعمالها.",
    people: ["ديفيد كندي"],
  },
  "a name and the verb after it are not words of a body before في": {
    text: "أما وزير الداخلية ماركو فيلاني فصرح في روما بأن الحدود ستبقى مفتوحة.",
    people: ["ماركو فيلاني"],
  },
  "a third foreign word closed by a common word belongs to the name": {
    text: "واقترح الرئيس البيروفي فرناندو ديلغادو أوريبي خلال الاجتماع خطة جديدة.",
    people: ["فرناندو ديلغادو أوريبي"],
  },
  "a name in apposition between commas": {
    text: "وقال ماتي كوسكينن، وزير الخارجية الفنلندي، إن المحادثات كانت مثمرة.",
    people: ["ماتي كوسكينن"],
  },
  "a name after an honorific, a compound name with بن and آل": {
    text: "استقبل الشيخ ناصر بن حمد بن سعيد آل منصوري وفدا رسميا في العاصمة.",
    people: ["ناصر بن حمد بن سعيد آل منصوري"],
  },
  "a name after two honorifics (صاحب السمو الشيخ) and one with و (والسيد)": {
    text: "التقى صاحب السمو الشيخ خالد بن راشد آل زعابي والسيد بدر عبد الغفار في القصر.",
    people: ["خالد بن راشد آل زعابي", "بدر عبد الغفار"],
  },
  "عبد + a divine name: a compound given name": {
    text: "وصرح رئيس الوزراء البيروفي عبد الرحيم كاستيلانوس بأن الحكومة ستواصل الإصلاحات.",
    people: ["عبد الرحيم كاستيلانوس"],
  },
  "a foreign name in Arabic letters after a title, a verb after it is not part of it": {
    text: "وأعلن الرئيس البيروفي أنطونيو كاستيلانوس سيزور المنطقة الأسبوع المقبل.",
    people: ["أنطونيو كاستيلانوس"],
  },
  "a family name alone re-mentions the full name given before": {
    text: "أجرى وزير الخارجية الفنلندي ماتي كوسكينن جولة في المنطقة. وقال كوسكينن إن الحل سياسي.",
    people: ["ماتي كوسكينن"],
    mentions: ["ماتي كوسكينن", "ماتي كوسكينن", "كوسكينن"],
  },
  "one word after a title, then alone": {
    text: "وقال الرئيس هارتلاند إن بلاده لن تتراجع. وأضاف هارتلاند أن الاتفاق ممكن.",
    people: ["هارتلاند"],
    mentions: ["هارتلاند", "هارتلاند", "هارتلاند"],
  },
  "a role noun (الروائي) and a nisba before a name": {
    text: "فاز الروائي التشيلي خوسيه مارتينيث بالجائزة الكبرى هذا العام.",
    people: ["خوسيه مارتينيث"],
  },
  "علي spelled like على is a name where a name follows; the preposition is not": {
    text: "وقال وزير الداخلية علي عبد الكريم الزبيدي إن الأمن مستتب في البلاد، وشدد على ضرورة التعاون.",
    people: ["علي عبد الكريم الزبيدي"],
  },
  "a list of names joined by و splits at each given name": {
    text: "وحضر اللقاء كل من الفنان محمود الشربيني وعمرو الدسوقي.",
    people: ["محمود الشربيني", "عمرو الدسوقي"],
  },
  "the subject after a verb of saying, closed by إن, is a name, and re-mentioned": {
    text: "وقال هوفستيدر إن المحادثات ستستمر. وكان هوفستيدر قد زار العاصمة الشهر الماضي.",
    people: ["هوفستيدر"],
    mentions: ["هوفستيدر", "هوفستيدر", "هوفستيدر"],
  },
  "a nisba that qualifies no noun introduces a name (وكان الهولندي …)": {
    text: "وكان الهولندي ماتيس فيربيك الذي سجل هدف الفوز أفضل لاعب في المباراة.",
    people: ["ماتيس فيربيك"],
  },
  "two family names joined by و are two people": {
    text: "ووصل الرئيس بيرغمان إلى المدينة. وقال بيرغمان وهولتزر إن الاتفاق قريب.",
    people: ["بيرغمان"],
  },
  "a compound given name (نصر الله) is re-mentioned as a pair, not by الله": {
    text: "وقال الشيخ حسن نصر الله إن الحل سياسي. وأضاف نصر الله أن الحوار مستمر، وإن حزب الله باق.",
    people: ["حسن نصر الله"],
    mentions: ["حسن نصر الله", "حسن نصر الله", "نصر الله"],
  },
  "a title followed by a common word is no person": {
    text: "وأعرب الرئيس عن تقديره، وقال رئيس الحكومة إن الوضع مستقر، وأطلق الرئيس مبادرة جديدة.",
    people: [],
  },
};

function people(g: DocumentGraph): string[] {
  return g.entities
    .filter((e) => e.kind === "Person" && !e.unnamed)
    .map((e) => key(e.name))
    .sort();
}

for (const withPeople of [true, false]) {
  describe(`unknown people — ${withPeople ? "full lexicon" : "without people.yaml"}`, () => {
    const lex = loadLexicon({ people: withPeople });
    for (const [name, c] of Object.entries(CASES)) {
      it(name, () => {
        const g = extract(c.text, {}, lex);
        expect(people(g)).toEqual(c.people.map(key).sort());
        if (c.mentions) {
          const [who, ...texts] = c.mentions;
          const e = g.entities.find((x) => x.kind === "Person" && key(x.name) === key(who));
          expect(e?.mentions.map((m) => key(m.text ?? "")).sort()).toEqual(texts.map(key).sort());
        }
      });
    }
  });
}
