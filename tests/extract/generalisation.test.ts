/**
 * Generalisation: short news sentences written for these tests (not taken from the dev corpus), with people,
 * countries and offices the dev items do not have. Each runs twice — with the full lexicon and with the
 * known-people list disabled — so the general mechanisms (title patterns, appositions, given names,
 * honorifics, coreference, traps) are what is tested.
 */
import { describe, expect, it } from "vitest";
import { extract, loadLexicon } from "../../src/extract/index.js";
import { expected, summarise } from "./summary.js";

interface Expect {
  text: string;
  calls?: string[]; // "caller -> callee" (directed) or "a -- b" (undirected)
  speakers?: string[];
  people?: string[];
}

const CASES: Record<string, Expect> = {
  "[office] [nisba] [name] … مع نظيره [nisba] [name] (directed call)": {
    text: "أجرى وزير الخارجية العماني بدر البوسعيدي، اليوم الأحد، اتصالا هاتفيا مع نظيره الإيطالي أنطونيو تاياني، بحثا خلاله العلاقات الثنائية.",
    calls: ["بدر البوسعيدي -> أنطونيو تاياني"],
    people: ["بدر البوسعيدي", "أنطونيو تاياني"],
  },
  "تلقى X اتصالا من Y; a nisba as family name; family name alone → full name": {
    text: "تلقى رئيس الوزراء العراقي محمد شياع السوداني اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون. وقال السوداني إن بغداد ترفض التصعيد.",
    calls: ["إيمانويل ماكرون -> محمد شياع السوداني"],
    speakers: ["محمد شياع السوداني"],
    people: ["محمد شياع السوداني", "إيمانويل ماكرون"],
  },
  "[office] باسم [ministry of country]، [name]": {
    text: "وقالت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا، إن موسكو تتابع الوضع عن كثب.",
    speakers: ["ماريا زاخاروفا"],
    people: ["ماريا زاخاروفا"],
  },
  "بحث X هاتفيا مع Y (undirected), honorific between title and name": {
    text: "بحث الرئيس الفرنسي إيمانويل ماكرون هاتفيا مع ولي العهد السعودي الأمير محمد بن سلمان تطورات الأوضاع في لبنان.",
    calls: ["إيمانويل ماكرون -- محمد بن سلمان"],
    people: ["إيمانويل ماكرون", "محمد بن سلمان"],
  },
  "اتصل X بنظيره; nisba derived from the country list (الكيني); three-token name": {
    text: "اتصل الرئيس الكيني وليام روتو بنظيره الصومالي حسن شيخ محمود لبحث الأزمة.",
    calls: ["وليام روتو -> حسن شيخ محمود"],
    people: ["وليام روتو", "حسن شيخ محمود"],
  },
  "planned call (من المقرر أن يجري) is not a call": {
    text: "ومن المقرر أن يجري الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع نظيره الصيني شي جين بينغ الأسبوع المقبل.",
    calls: [],
    people: ["جو بايدن", "شي جين بينغ"],
  },
  "phone-in to a TV channel is not a call; honorific + name; descriptor before the speaker": {
    text: 'وقال الخبير العسكري اللواء سمير فرج، في مداخلة هاتفية مع قناة "الحدث"، إن الوضع خطير.',
    calls: [],
    speakers: ["سمير فرج"],
    people: ["سمير فرج"],
  },
  "media attribution: نقلت وكالة … عن X قوله → X's statement": {
    text: "ونقلت وكالة الأنباء التونسية عن وزير الداخلية التونسي خالد النوري قوله إن الأمن مستتب.",
    speakers: ["خالد النوري"],
    people: ["خالد النوري"],
  },
  "dual subject: وأكد الرئيسان → each president": {
    text: "أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا مع نظيره الجزائري عبد المجيد تبون. وأكد الرئيسان أهمية التنسيق بين البلدين.",
    calls: ["قيس سعيد -> عبد المجيد تبون"],
    speakers: ["قيس سعيد", "عبد المجيد تبون"],
  },
  "[name]، [office] apposition": {
    text: "وقال كريستوفر لاندو، نائب وزير الخارجية الأمريكي، إن واشنطن ملتزمة بالحل الدبلوماسي.",
    speakers: ["كريستوفر لاندو"],
    people: ["كريستوفر لاندو"],
  },
  "unnamed sources speak": {
    text: "وأفادت مصادر دبلوماسية بأن المحادثات ستستأنف الأسبوع المقبل.",
    speakers: ["مصادر دبلوماسية"],
    people: [],
  },
  "بمبادرة من الجانب Z → Z's participant called; a noun after a name is not part of it": {
    text: "بحث رئيس الوزراء المجري فيكتور أوربان هاتفيا مع المستشار النمساوي كارل نيهامر ملف الهجرة. وجرى الاتصال بمبادرة من الجانب النمساوي.",
    calls: ["كارل نيهامر -> فيكتور أوربان"],
    people: ["فيكتور أوربان", "كارل نيهامر"],
  },
  "names in quotes": {
    text: 'أجرى وزير الخارجية السعودي "فيصل بن فرحان" اتصالا هاتفيا مع نظيره البريطاني "ديفيد لامي".',
    calls: ["فيصل بن فرحان -> ديفيد لامي"],
  },
  "contact with journalists is not a call; compound name with a particle": {
    text: "وقال الناطق باسم الحكومة الألمانية شتيفن هيبشترايت في اتصال مع الصحفيين إن برلين قلقة. وأكد وزير الخارجية اللبناني عبد الله بو حبيب أن لبنان لا يريد الحرب.",
    calls: [],
    speakers: ["شتيفن هيبشترايت", "عبد الله بو حبيب"],
  },
  "two calls in one sentence; long names with بن and آل": {
    text: "أجرى وزير الخارجية الإماراتي الشيخ عبد الله بن زايد آل نهيان اتصالين هاتفيين مع نظيريه الفرنسي جان نويل بارو والألماني أنالينا بيربوك.",
    calls: ["عبد الله بن زايد آل نهيان -> جان نويل بارو", "عبد الله بن زايد آل نهيان -> أنالينا بيربوك"],
  },
  "أمير [country] + honorific; a former president": {
    text: "تلقى الرئيس السوري أحمد الشرع اتصالا هاتفيا من أمير قطر الشيخ تميم بن حمد آل ثاني. وأعرب الرئيس الأمريكي السابق بيل كلينتون عن قلقه.",
    calls: ["تميم بن حمد آل ثاني -> أحمد الشرع"],
    speakers: ["بيل كلينتون"],
    people: ["أحمد الشرع", "تميم بن حمد آل ثاني", "بيل كلينتون"],
  },
  "title without a country + family name with ال; a known given name without a title": {
    text: "أجرى نائب رئيس الوزراء ووزير الخارجية وشؤون المغتربين عادل الجبوري اتصالا هاتفيا مع وزير الخارجية المصري سامح شكري. وقال الديمقراطي تشاك شومر إن الاتفاق ممكن.",
    calls: ["عادل الجبوري -> سامح شكري"],
    speakers: ["تشاك شومر"],
    people: ["عادل الجبوري", "سامح شكري", "تشاك شومر"],
  },
  "أجرى X اتصالا بـ Y; تلقى X اتصالين من نظيريه A و B; a name never swallows للصحفيين": {
    text: "وأجرى رئيس الوزراء البريطاني كير ستارمر اتصالا هاتفيا بالرئيس الأوكراني فولوديمير زيلينسكي. وتلقى وزير الخارجية الإيراني عباس عراقجي اتصالين هاتفيين من نظيريه العماني بدر البوسعيدي والقطري محمد بن عبد الرحمن آل ثاني. وقال وزير الخارجية الأمريكي أنتوني بلينكن للصحفيين إن المفاوضات صعبة.",
    calls: [
      "كير ستارمر -> فولوديمير زيلينسكي",
      "بدر البوسعيدي -> عباس عراقجي",
      "محمد بن عبد الرحمن آل ثاني -> عباس عراقجي",
    ],
    speakers: ["أنتوني بلينكن"],
  },
  "رئيس [country] + honorific; an official of an international body; regnal ordinal; عبر الهاتف": {
    text: "وتلقى الرئيس عبد الفتاح السيسي اتصالا هاتفيا من رئيس الإمارات الشيخ محمد بن زايد آل نهيان. وشدد الأمين العام للأمم المتحدة أنطونيو غوتيريش على حماية المدنيين. وكان الملك عبد الله الثاني قد بحث مع المستشار الألماني أولاف شولتس عبر الهاتف الأزمة.",
    calls: ["محمد بن زايد آل نهيان -> عبد الفتاح السيسي", "عبد الله الثاني -- أولاف شولتس"],
    speakers: ["أنطونيو غوتيريش"],
  },
  "في اتصال تلقاه من Y، أكد X → Y called X; a verb after a name is not part of it; a second title": {
    text: "وفي اتصال هاتفي تلقاه من نظيره الروسي فلاديمير بوتين، أكد الرئيس الإيراني مسعود بزشكيان أهمية التعاون. وأجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا بالرئيس الأمريكي دونالد ترامب استمر ساعتين. وكان رئيس الوزراء الكندي قد تحادث هاتفيا مع العاهل الأردني الملك عبد الله الثاني.",
    calls: [
      "فلاديمير بوتين -> مسعود بزشكيان",
      "إيمانويل ماكرون -> دونالد ترامب",
      "رئيس الوزراء الكندي -- عبد الله الثاني",
    ],
    speakers: ["مسعود بزشكيان"],
  },
  "an office title the lexicon does not know, ended by the name (رئيس مجلس السيادة [nisba] X)": {
    text: "وقال رئيس مجلس السيادة الغاني كوامي نكروما إن الحوار مستمر.",
    speakers: ["كوامي نكروما"],
  },
  "two speakers joined by و after the verb both said it (أكد X والرئيس Y، أكد X ونظيره Y)": {
    text: "وأكد الرئيس الغاني جون ماهاما والرئيس النيجيري بولا تينوبو على أهمية التعاون. وشدد وزير الخارجية الفنلندي ماتي كوسكينن ونظيره البولندي ياتسيك نوفاك على وحدة الموقف.",
    speakers: ["جون ماهاما", "بولا تينوبو", "ماتي كوسكينن", "ياتسيك نوفاك"],
  },
  "an unknown title with a body and لدى (سفيرة X لدى Y Z)": {
    text: "وقالت سفيرة البرتغال لدى الأمم المتحدة باولا زاكارياس إن لشبونة قلقة.",
    speakers: ["باولا زاكارياس"],
  },
  "وأضافت continues a woman who spoke before; أبلغ تحيات is a courtesy": {
    text: "وقالت وزيرة الخارجية الغانية شيرلي أيوركور بوتشوي إن أكرا ترفض التصعيد. وأضافت أن الحل سياسي. وأبلغ الرئيس النيجيري بولا تينوبو تحيات شعبه للشعب الغاني.",
    speakers: ["شيرلي أيوركور بوتشوي"],
  },
  "a quotation that opens with a verb and its subject reports another speaker; one that does not is the quoted words": {
    text: "أجرى الرئيس الكيني ويليام روتو اتصالا هاتفيا بالرئيس التنزاني جون مواكا. وأضافت الرئاسة الكينية: “أكد الرئيس التنزاني على متانة العلاقات بين البلدين”. وقال روتو: “أكدنا أن الحدود ستبقى مفتوحة”.",
    calls: ["ويليام روتو -> جون مواكا"],
    speakers: ["الرئاسة الكينية", "جون مواكا", "ويليام روتو"],
  },
  "وأكد الجانبان after a call: its two parties speak": {
    text: "تلقى الرئيس الغاني جون ماهاما اتصالا هاتفيا من الرئيس النيجيري بولا تينوبو. وأكد الجانبان أهمية التعاون.",
    calls: ["بولا تينوبو -> جون ماهاما"],
    speakers: ["جون ماهاما", "بولا تينوبو"],
  },
  "أكد الرئيسان [nisba] - X و[nisba] - Y: the dual's names follow it": {
    text: "أكد الرئيسان الغاني - جون ماهاما والنيجيري - محمد بخاري أهمية التعاون.",
    speakers: ["جون ماهاما", "محمد بخاري"],
  },
  "a story opening with a phrase, then «وأكد أن»: the person last named speaks": {
    text: "زيارة مرتقبة للرئيس الغاني جون ماهاما إلى أبوجا. وأكد أن العلاقات متينة.",
    speakers: ["جون ماهاما"],
  },
  "an impersonal جاء في and a verb with a subject of its own are not the person last named": {
    text: "زيارة مرتقبة للرئيس الغاني جون ماهاما إلى أبوجا. وجاء في البيان أن العلاقات متينة. وأكد مكتب الرئاسة أن الزيارة مهمة.",
    speakers: ["مكتب الرئاسة"],
  },
  "a known person written with the family after آل: the name as written": {
    text: "وقال ولي العهد السعودي الأمير محمد بن سلمان آل سعود إن المملكة تدعم الحوار.",
    speakers: ["محمد بن سلمان آل سعود"],
    people: ["محمد بن سلمان آل سعود"],
  },
  "a role noun and its adjective, then the name between commas (السناتور الجمهوري، X Y،)": {
    text: "وعرض السناتور الجمهوري، كوامي نكروما، مشروع قانون جديدا.",
    people: ["كوامي نكروما"],
  },
  "a kunya is a name from its first word; the preposition على is no name علي": {
    text: "وقال أبو عبد الله إن الحوار مستمر، وفرضت غرامة على هاني عبادة.",
    people: ["أبو عبد الله", "هاني عبادة"],
  },
};

for (const people of [true, false]) {
  describe(`generalisation — ${people ? "full lexicon" : "without people.yaml"}`, () => {
    const lex = loadLexicon({ people });
    for (const [name, c] of Object.entries(CASES)) {
      it(name, () => {
        const s = summarise(extract(c.text, {}, lex));
        if (c.calls) expect(s.calls.sort()).toEqual(expected(c.calls));
        if (c.speakers) expect(s.speakers.sort()).toEqual(expected(c.speakers));
        if (c.people) expect(s.people.sort()).toEqual(expected(c.people));
      });
    }
  });
}

/** Claims: who suffered each loss. Sentences written for this test, with other countries than the seed's. */
const CLAIMS: Record<string, { text: string; claimant: string; sides: [number, string | null][] }> = {
  "the subject destroyed them: the losses are the other side's, named once for the whole list": {
    text: "وأعلنت أنقرة عن تدمير 3 دبابات و7 مدافع والقضاء على أكثر من 40 عسكريا سوريا خلال المعارك.",
    claimant: "country:tr",
    sides: [
      [3, "country:sy"],
      [7, "country:sy"],
      [40, "country:sy"],
    ],
  },
  "the subject lost them: the nisba after the number": {
    text: "وقالت وزارة الدفاع الأذربيجانية إن 12 عسكريا أذربيجانيا قتلوا في الاشتباكات.",
    claimant: "org:az:mod",
    sides: [[12, "country:az"]],
  },
  "destruction with no side named anywhere: unknown, not the subject's": {
    text: "وأعلنت موسكو عن تدمير 5 دبابات خلال المعارك.",
    claimant: "country:ru",
    sides: [[5, null]],
  },
};

for (const people of [true, false]) {
  describe(`claims: the side that suffered — ${people ? "full lexicon" : "without people.yaml"}`, () => {
    const lex = loadLexicon({ people });
    for (const [name, c] of Object.entries(CLAIMS)) {
      it(name, () => {
        const claims = extract(c.text, {}, lex).events.filter((e) => e.kind === "Claim");
        expect(claims).toHaveLength(1);
        expect(claims[0]?.participants).toEqual([{ role: "claimant", entity: c.claimant }]);
        expect(claims[0]?.quantities?.map((q) => [q.value, q.side])).toEqual(c.sides);
      });
    }
  });
}
