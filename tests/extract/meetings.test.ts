/**
 * Meetings, visits and messages (src/extract/events/meetings.ts), on sentences about people and countries the
 * dev corpora do not speak of: they must come out as their own events, with their roles, and never as calls.
 */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.js";
import type { DocEvent, DocumentGraph } from "../../src/extract/types.js";

const graph = (t: string) => extract(t, { publishedAt: "2025-03-02" });

/** the events of a kind as "role=name" lists */
function roles(g: DocumentGraph, kind: DocEvent["kind"]): string[][] {
  const name = (id: string) => g.entities.find((e) => e.id === id)?.name ?? id;
  return g.events.filter((e) => e.kind === kind).map((e) => e.participants.map((p) => `${p.role}=${name(p.entity)}`));
}

const noCalls = (g: DocumentGraph) => expect(g.events.filter((e) => e.kind === "PhoneCall")).toEqual([]);

/** a text that tells no meeting, visit, message or call */
const noGatherings = (t: string) =>
  expect(
    graph(t).events.filter((e) => ["Meeting", "Visit", "Message", "PhoneCall"].includes(e.kind)),
    t,
  ).toEqual([]);

describe("meetings", () => {
  it("استقبل X Y: X hosts, Y is the guest, with the day and the evidence", () => {
    const g = graph(
      "استقبل الرئيس الكيني وليام روتو اليوم الأحد وزير الخارجية الغاني صامويل أبلاكوا، وبحث معه العلاقات الثنائية.",
    );
    expect(roles(g, "Meeting")).toEqual([["host=وليام روتو", "guest=صامويل أبلاكوا"]]);
    const [m] = g.events;
    expect(m.date).toBe("2025-03-02");
    expect(m.evidence[0].text).toContain("استقبل");
    noCalls(g);
  });

  it("التقى X بـ Y في مدينة: participants and the place", () => {
    const g = graph("والتقى رئيس الوزراء الإثيوبي آبي أحمد بالرئيس الصومالي حسن شيخ محمود في أديس أبابا.");
    expect(roles(g, "Meeting")).toEqual([["participant=آبي أحمد", "participant=حسن شيخ محمود", "location=إثيوبيا"]]);
  });

  it("an office of another country right after a titled person is the other party, not an apposition", () => {
    const g = graph("والتقى الرئيس الإندونيسي أحمد سوكارتو رئيس الوزراء الفيتنامي في جاكرتا.");
    expect(roles(g, "Meeting")).toEqual([
      ["participant=أحمد سوكارتو", "participant=رئيس الوزراء الفيتنامي", "location=إندونيسيا"],
    ]);
  });

  it("host and guest with ولد in one name and a family name in بـ…ة in the other", () => {
    const g = graph("واستقبل الرئيس الموريتاني محمد ولد الشيخاني وزير الخارجية الغامبي عمر بوسيلة في نواكشوط.");
    expect(roles(g, "Meeting")).toEqual([["host=محمد ولد الشيخاني", "guest=عمر بوسيلة", "location=موريتانيا"]]);
  });

  it("a given name spelled like a country (جورجيا) with its family name", () => {
    const g = graph("والتقت رئيسة الوزراء الإيطالية جورجيا فيرانتي الرئيس التونسي قيس سعيد في روما.");
    expect(roles(g, "Meeting")).toEqual([["participant=جورجيا فيرانتي", "participant=قيس سعيد", "location=إيطاليا"]]);
  });

  it("a dual title of two states (رئيسي أركان … لكينيا وأوغندا): one unnamed holder per state", () => {
    for (const t of [
      "وجاء الاتفاق في لقاء رئيسي أركان القوات المسلحة لكينيا وأوغندا في نيروبي أمس.",
      "وقال المتحدث إن رئيسي أركان القوات المسلحة لكينيا وأوغندا التقيا في نيروبي.",
      // (the clause's subject announced the meeting; the two annexed to its noun held it)
      "أعلن وزير الدفاع الكيني بيتر موانغي عن اتفاق، وذلك في لقاء رئيسي أركان القوات المسلحة لكينيا وأوغندا في نيروبي.",
    ])
      expect(roles(graph(t), "Meeting"), t).toEqual([
        ["participant=رئيس الأركان (كينيا)", "participant=رئيس الأركان (أوغندا)", "location=كينيا"],
      ]);
    expect(graph("وكان دور رئيسي في المفاوضات.").entities.filter((e) => e.kind === "Person")).toEqual([]);
  });

  it("a movement's delegation is the movement; a delegation noun after an unnamed office is no name", () => {
    expect(roles(graph("والتقى وفد من حركة حماس وفدا من حركة فتح في القاهرة."), "Meeting")).toEqual([
      ["participant=حركة حماس", "participant=حركة فتح", "location=مصر"],
    ]);
    expect(roles(graph("والتقى وزير الخارجية القطري وفدا من حركة طالبان في الدوحة."), "Meeting")).toEqual([
      ["participant=وزير الخارجية القطري", "participant=حركة طالبان", "location=قطر"],
    ]);
  });

  it("the special envoy of a country's president is that country's envoy: the guest and the carrier", () => {
    const g = graph("استقبل الرئيس الكيني وليام روتو المبعوث الخاص للرئيس الأوغندي، الذي سلمه رسالة شفوية.");
    const envoy = g.entities.find((e) => e.id === "person:unnamed:envoy:ug");
    expect(envoy?.unnamed).toBe(true);
    expect(roles(g, "Meeting")).toEqual([["host=وليام روتو", `guest=${envoy?.name}`]]);
    expect(roles(g, "Message")).toEqual([[`carrier=${envoy?.name}`, "recipient=وليام روتو"]]);
    noCalls(g);
  });

  it("a reception phrase told first: the host is the subject of the verb after it (وخلال استقباله Y، أكد X)", () => {
    const g = graph(
      "وخلال استقباله وزير الخارجية الغامبي مامادو تانغارا، أكد الرئيس الموريتاني محمد ولد الغزواني عمق العلاقات.",
    );
    expect(roles(g, "Meeting")).toEqual([["host=محمد ولد الغزواني", "guest=مامادو تانغارا"]]);
  });

  it("a personal envoy (المبعوث الشخصي، الموفد الخاص) of a head of government is that state's envoy", () => {
    const g = graph("واستقبل الرئيس الموريتاني محمد ولد الغزواني الموفد الشخصي لرئيس الوزراء الإثيوبي.");
    const envoy = g.entities.find((e) => e.id === "person:unnamed:envoy:et");
    expect(roles(g, "Meeting")).toEqual([["host=محمد ولد الغزواني", `guest=${envoy?.name}`]]);
  });

  it("those who attended (بحضور Z، وحضر اللقاء Z) are not parties", () => {
    expect(
      roles(
        graph(
          "استقبل الرئيس الكيني وليام روتو وزير الخارجية الغاني صامويل أبلاكوا، بحضور وزير الخارجية الكيني موساليا مودافادي.",
        ),
        "Meeting",
      ),
    ).toEqual([["host=وليام روتو", "guest=صامويل أبلاكوا"]]);
    for (const t of [
      "التقى الرئيس الكيني وليام روتو الرئيس الغاني جون ماهاما بحضور وزير الخارجية الكيني موساليا مودافادي.",
      "عقد الرئيس الكيني وليام روتو لقاء مع الرئيس الغاني جون ماهاما، وحضر اللقاء وزير الخارجية الكيني موساليا مودافادي.",
    ])
      expect(roles(graph(t), "Meeting"), t).toEqual([["participant=وليام روتو", "participant=جون ماهاما"]]);
  });

  it("a meeting between two delegations chaired by a third party: the chair hosts it", () => {
    const g = graph("ترأس وزير الخارجية الكيني موساليا مودافادي اجتماعا بين وفدي السودان وجنوب السودان في نيروبي.");
    expect(roles(g, "Meeting")).toEqual([
      ["host=موساليا مودافادي", "guest=السودان", "guest=جنوب السودان", "location=كينيا"],
    ]);
  });

  it("the two delegations named by their nisbas (الوفدين الكيني والغاني) stand for their states", () => {
    expect(roles(graph("وجرى الاجتماع بين الوفدين الكيني والغاني."), "Meeting")).toEqual([
      ["participant=كينيا", "participant=غانا"],
    ]);
    expect(roles(graph("واجتمع الوفدان الكيني والغاني في أكرا."), "Meeting")).toEqual([
      ["participant=كينيا", "participant=غانا", "location=غانا"],
    ]);
  });

  it("لدى/خلال استقباله Y inside the sentence: its subject before the phrase hosts", () => {
    for (const t of [
      "بحث الرئيس التونسي قيس سعيد، لدى استقباله بقصر قرطاج رئيس الحكومة الليبية عبد الكريم الزبيدة، سبل التعاون.",
      "وأكد الرئيس التونسي قيس سعيد خلال استقباله رئيس الحكومة الليبية عبد الكريم الزبيدة، أهمية التنسيق.",
    ])
      expect(roles(graph(t), "Meeting"), t).toEqual([["host=قيس سعيد", "guest=عبد الكريم الزبيدة"]]);
  });

  it("a summit between states with no person named: the states are its parties", () => {
    expect(roles(graph("وعقدت القمة الثلاثية بين كينيا وأوغندا وتنزانيا في نيروبي."), "Meeting")).toEqual([
      ["participant=كينيا", "participant=أوغندا", "participant=تنزانيا", "location=كينيا"],
    ]);
    noGatherings("واندلعت اشتباكات بين كينيا والصومال على الحدود.");
  });

  it("several participants: عقد X لقاء مع Y و Z", () => {
    const g = graph(
      "عقد الرئيس الغاني جون ماهاما لقاء مع الرئيس الكيني وليام روتو والرئيس الأوغندي يويري موسيفيني لبحث التعاون.",
    );
    expect(roles(g, "Meeting")).toEqual([
      ["participant=جون ماهاما", "participant=وليام روتو", "participant=يويري موسيفيني"],
    ]);
  });

  it("a meeting noun with its relative verb or its dual pronoun", () => {
    expect(
      roles(
        graph(
          "وشارك الرئيس الكيني وليام روتو في اجتماع ثلاثي يضم الرئيس الغاني جون ماهاما والرئيس الأوغندي يويري موسيفيني.",
        ),
        "Meeting",
      ),
    ).toEqual([["participant=جون ماهاما", "participant=يويري موسيفيني"]]);
    expect(
      roles(graph("وبحث الرئيس الكيني وليام روتو والرئيس الأوغندي يويري موسيفيني خلال لقائهما أمن الحدود."), "Meeting"),
    ).toEqual([["participant=وليام روتو", "participant=يويري موسيفيني"]]);
  });

  it("talks held in person (أجرى X مباحثات مع Y) are a meeting, never a call; talks by phone are a call", () => {
    const g = graph("وأجرى الرئيس الأوغندي يويري موسيفيني مباحثات مع الرئيس الغاني جون ماهاما في كمبالا.");
    expect(roles(g, "Meeting")).toEqual([["participant=يويري موسيفيني", "participant=جون ماهاما", "location=أوغندا"]]);
    noCalls(g);
    const received = graph("واستقبل الرئيس الأوغندي يويري موسيفيني اتصالا هاتفيا من الرئيس الغاني جون ماهاما.");
    expect(roles(received, "Meeting")).toEqual([]);
    const phone = graph("وأجرى الرئيس الأوغندي يويري موسيفيني مباحثات هاتفية مع الرئيس الغاني جون ماهاما.");
    expect(roles(phone, "Meeting")).toEqual([]);
    expect(phone.events.filter((e) => e.kind === "PhoneCall")).toHaveLength(1);
  });

  it("a meeting told twice is one event with both sentences as evidence", () => {
    const g = graph(
      "التقى الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني. وقد اجتمع روتو وموسيفيني لبحث أمن الحدود.",
    );
    const meetings = g.events.filter((e) => e.kind === "Meeting");
    expect(meetings).toHaveLength(1);
    expect(meetings[0].evidence.map((e) => e.sentence)).toEqual([0, 1]);
    const hosted = graph(
      "استقبل الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني. وقد اجتمع روتو وموسيفيني لبحث أمن الحدود.",
    );
    expect(roles(hosted, "Meeting")).toEqual([["host=وليام روتو", "guest=يويري موسيفيني"]]);
  });

  it("planned, expected or negated meetings and meetings by video or on television are no events", () => {
    for (const t of [
      "ومن المقرر أن يلتقي الرئيس الكيني وليام روتو نظيره الأوغندي يويري موسيفيني الأسبوع المقبل.",
      "وسيلتقي الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني غدا.",
      "ولم يلتق الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني منذ عام.",
      "وعقد الرئيس الكيني وليام روتو اجتماعا مرئيا مع الرئيس الأوغندي يويري موسيفيني.",
      "ومن المقرر أن يصل الرئيس الكيني وليام روتو إلى كمبالا غدا لعقد لقاء مع الرئيس الأوغندي يويري موسيفيني.",
    ]) {
      const g = graph(t);
      expect(roles(g, "Meeting"), t).toEqual([]);
      noCalls(g);
    }
  });
});

describe("visits", () => {
  it.each([
    // leaving a place after a visit
    "وغادر الرئيس الغاني جون ماهاما نيروبي اليوم بعد زيارة رسمية استغرقت يومين.",
    // an arrival at «the Kenyan capital Nairobi»
    "وصل الرئيس الغاني جون ماهاما، مساء الأحد، إلى العاصمة الكينية نيروبي.",
  ])("the visitor and the state visited: %s", (t) => {
    expect(roles(graph(t), "Visit")).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
  });

  it("زار X بلدا: the visitor and the country", () => {
    const g = graph("وزار وزير الخارجية الغاني صامويل أبلاكوا إثيوبيا يوم الإثنين.");
    expect(roles(g, "Visit")).toEqual([["visitor=صامويل أبلاكوا", "location=إثيوبيا"]]);
  });

  it("وصل X إلى بلد في زيارة رسمية", () => {
    const g = graph("وصل الرئيس الغاني جون ماهاما إلى كينيا في زيارة رسمية تستغرق يومين.");
    expect(roles(g, "Visit")).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
  });

  it("a visit made at an invitation is a visit; a past meeting about an upcoming summit is a meeting", () => {
    expect(
      roles(graph("ووصل الرئيس الغاني جون ماهاما إلى كينيا في زيارة رسمية تلبية لدعوة من نظيره الكيني."), "Visit"),
    ).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(
      roles(
        graph("والتقى الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني لبحث التحضيرات للقمة الأفريقية المقبلة."),
        "Meeting",
      ),
    ).toEqual([["participant=وليام روتو", "participant=يويري موسيفيني"]]);
  });

  it("an invitation to visit, or a visit planned, is no visit", () => {
    expect(roles(graph("ودعا الرئيس الكيني وليام روتو نظيره الغاني جون ماهاما لزيارة كينيا."), "Visit")).toEqual([]);
    expect(roles(graph("ومن المقرر أن يزور الرئيس الغاني جون ماهاما كينيا الشهر المقبل."), "Visit")).toEqual([]);
  });
});

describe("meetings told by a noun with its pronoun", () => {
  it("خلال لقائه نظيره [nisba] Y: the subject in force met the counterpart", () => {
    const g = graph(
      "وصل وزير الخارجية الغاني صامويل أبلاكوا إلى نيروبي. وأكد أبلاكوا خلال لقائه نظيره الكيني موساليا مودافادي أهمية التعاون.",
    );
    expect(roles(g, "Meeting")).toEqual([["participant=صامويل أبلاكوا", "participant=موساليا مودافادي"]]);
    noCalls(g);
  });
});

describe("messages", () => {
  it("تسلم Y رسالته … نقلها Z: a governing verb gives the roles; the noun's pronoun makes Y no sender", () => {
    const g = graph(
      "وتسلم الرئيس الكيني وليام روتو رسالته الخطية التي نقلها إليه وزير الخارجية الغاني صامويل أبلاكوا.",
    );
    expect(roles(g, "Message")).toEqual([["carrier=صامويل أبلاكوا", "recipient=وليام روتو"]]);
  });

  it("أوفد X Z حاملا رسالة إلى Y: X sent the carrier and the message", () => {
    const g = graph(
      "وأوفد الرئيس الغاني جون ماهاما وزير خارجيته صامويل أبلاكوا إلى نيروبي حاملا رسالة إلى الرئيس الكيني وليام روتو.",
    );
    expect(roles(g, "Message")).toEqual([["sender=جون ماهاما", "carrier=صامويل أبلاكوا", "recipient=وليام روتو"]]);
  });

  it("a letter carried by an envoy: sender, carrier, recipient; no call", () => {
    const g = graph(
      "وتسلم الرئيس الكيني وليام روتو رسالة خطية من الرئيس الأوغندي يويري موسيفيني، نقلها إليه وزير الخارجية الأوغندي جيجي أودونغو.",
    );
    expect(roles(g, "Message")).toEqual([["sender=يويري موسيفيني", "carrier=جيجي أودونغو", "recipient=وليام روتو"]]);
    noCalls(g);
  });

  it("the recipient after a title the lexicon cannot resolve, named between commas (إلى/لفخامة رئيس المجلس …، X،)", () => {
    for (const t of [
      "بعث رئيس الوزراء الصومالي حمزة عبدي بري رسالة شفهية إلى رئيس المجلس الانتقالي، محمد إدريس ديبي، تتعلق بالعلاقات.",
      "بعث رئيس الوزراء الصومالي حمزة عبدي بري رسالة شفهية لفخامة رئيس المجلس الانتقالي، محمد إدريس ديبي، تتعلق بالعلاقات.",
    ])
      expect(roles(graph(t), "Message"), t).toEqual([["sender=حمزة عبدي بري", "recipient=محمد إدريس ديبي"]]);
  });

  it("an unknown body between رئيس and the name, with علي inside the name: the sender", () => {
    const g = graph("بعث رئيس المجلس الرئاسي الصومالي حسن علي خيري برسالة شفهية إلى الرئيس الكيني وليام روتو.");
    expect(roles(g, "Message")).toEqual([["sender=حسن علي خيري", "recipient=وليام روتو"]]);
  });

  it("the message told before, then carried (وقام بتسليم الرسالة، X): one Message with its carrier", () => {
    const g = graph(
      "بعث الرئيس الصومالي حسن شيخ محمود رسالة شفهية إلى الرئيس الكيني وليام روتو. وقام بتسليم الرسالة، وزير الخارجية الصومالي أحمد معلم فقي، خلال استقبال الرئيس روتو له في نيروبي.",
    );
    expect(roles(g, "Message")).toEqual([["sender=حسن شيخ محمود", "recipient=وليام روتو", "carrier=أحمد معلم فقي"]]);
    const [m] = g.events.filter((e) => e.kind === "Message");
    expect(m.evidence.map((x) => x.sentence)).toEqual([0, 1]);
    noCalls(g);
  });

  it("a message from a government or a state: the body sent it, not the person after إلى", () => {
    const g = graph("ونقل وزير الخارجية الغاني صامويل أبلاكوا رسالة من الحكومة الغانية إلى الرئيس الكيني وليام روتو.");
    expect(roles(g, "Message")).toEqual([["sender=الحكومة الغانية", "carrier=صامويل أبلاكوا", "recipient=وليام روتو"]]);
    noCalls(g);
  });

  it("نقل X رسالة شفهية من Y إلى Z", () => {
    const g = graph(
      "ونقل وزير الخارجية الغاني صامويل أبلاكوا رسالة شفهية من الرئيس الغاني جون ماهاما إلى الرئيس الكيني وليام روتو.",
    );
    expect(roles(g, "Message")).toEqual([["sender=جون ماهاما", "carrier=صامويل أبلاكوا", "recipient=وليام روتو"]]);
    noCalls(g);
  });

  it("استقبل X المبعوث Y الذي سلمه رسالة من Z: a meeting and a message", () => {
    const g = graph(
      "استقبل الرئيس الكيني وليام روتو وزير الخارجية الأوغندي جيجي أودونغو الذي سلمه رسالة من الرئيس الأوغندي يويري موسيفيني.",
    );
    expect(roles(g, "Meeting")).toEqual([["host=وليام روتو", "guest=جيجي أودونغو"]]);
    expect(roles(g, "Message")).toEqual([["sender=يويري موسيفيني", "carrier=جيجي أودونغو", "recipient=وليام روتو"]]);
    noCalls(g);
  });

  it("بعث X برسالة إلى Y، في رسالة وجهها X إلى Y، رسالة X إلى Y: sender and recipient", () => {
    const expected = [["sender=جون ماهاما", "recipient=وليام روتو"]];
    for (const t of [
      "وبعث الرئيس الغاني جون ماهاما برسالة إلى الرئيس الكيني وليام روتو تتعلق بالتجارة.",
      "وأكد الرئيس الغاني جون ماهاما في رسالة وجهها إلى الرئيس الكيني وليام روتو دعم بلاده.",
      "ونشرت الرئاسة نص رسالة الرئيس الغاني جون ماهاما إلى الرئيس الكيني وليام روتو.",
    ])
      expect(roles(graph(t), "Message"), t).toEqual(expected);
  });

  it("a message in a figure of speech is no event", () => {
    expect(roles(graph("ووجه الرئيس الكيني وليام روتو رسالة واضحة إلى المستثمرين."), "Message")).toEqual([]);
  });
});

describe("delegations, bodies and the constructions news use most (issue 14)", () => {
  it("a delegation stands for the state or body that sent it; a ministry is a party", () => {
    const cases: [string, string[]][] = [
      [
        "واجتمع وفد سوداني مع وفد تشادي في الخرطوم لبحث أمن الحدود.",
        ["participant=السودان", "participant=تشاد", "location=السودان"],
      ],
      ["واستقبل الرئيس الكيني وليام روتو وفدا من البرلمان الأوغندي.", ["host=وليام روتو", "guest=البرلمان الأوغندي"]],
      [
        "واستقبل الرئيس الغاني جون ماهاما وفدا نيجيريا رفيع المستوى في أكرا.",
        ["host=جون ماهاما", "guest=نيجيريا", "location=غانا"],
      ],
      [
        "وعقدت وزارة الخارجية الكينية اجتماعا مع وفد من الحكومة الغانية في نيروبي.",
        ["participant=وزارة الخارجية الكينية", "participant=الحكومة الغانية", "location=كينيا"],
      ],
    ];
    for (const [t, expected] of cases) {
      const g = graph(t);
      expect(roles(g, "Meeting"), t).toEqual([expected]);
      noCalls(g);
    }
  });

  it("كان في استقبال Y لدى وصوله X: X hosts Y", () => {
    const g = graph("وكان في استقبال الرئيس الغاني جون ماهاما لدى وصوله الرئيس الكيني وليام روتو.");
    expect(roles(g, "Meeting")).toEqual([["host=وليام روتو", "guest=جون ماهاما"]]);
  });

  it("جمع لقاء X بـ Y، خلال لقاء جمعهما، أجرى X محادثات مع Y", () => {
    const pair = ["participant=وليام روتو", "participant=يويري موسيفيني"];
    expect(
      roles(graph("وجمع لقاء الرئيس الكيني وليام روتو بالرئيس الأوغندي يويري موسيفيني في نيروبي."), "Meeting"),
    ).toEqual([[...pair, "location=كينيا"]]);
    expect(
      roles(
        graph(
          "وبحث الرئيس الكيني وليام روتو مع نظيره الأوغندي يويري موسيفيني، خلال لقاء جمعهما في كمبالا، أمن الحدود.",
        ),
        "Meeting",
      ),
    ).toEqual([[...pair, "location=أوغندا"]]);
    const talks = graph("وأجرى وزير الخارجية الغاني صامويل أبلاكوا محادثات مع نظيره الكيني موساليا مودافادي في أكرا.");
    expect(roles(talks, "Meeting")).toEqual([
      ["participant=صامويل أبلاكوا", "participant=موساليا مودافادي", "location=غانا"],
    ]);
    noCalls(talks);
  });

  it("استهل X زيارته إلى بلد بلقاء Y: a visit and a meeting", () => {
    const g = graph("واستهل الرئيس الغاني جون ماهاما زيارته إلى كينيا بلقاء الرئيس وليام روتو.");
    expect(roles(g, "Visit")).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(roles(g, "Meeting")).toEqual([["participant=جون ماهاما", "participant=وليام روتو"]]);
    noCalls(g);
  });

  it("arrivals: حل X بمدينة في زيارة؛ في أول زيارة له، وصل X إلى مدينة؛ a city not a capital is a place", () => {
    expect(roles(graph("وحل وزير الخارجية الغاني صامويل أبلاكوا بنيروبي في زيارة رسمية."), "Visit")).toEqual([
      ["visitor=صامويل أبلاكوا", "location=كينيا"],
    ]);
    expect(
      roles(graph("وفي أول زيارة خارجية له منذ توليه المنصب، وصل الرئيس الغاني جون ماهاما إلى نيروبي."), "Visit"),
    ).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(roles(graph("ووصل رئيس الوزراء الهندي ناريندرا مودي إلى جدة في زيارة رسمية."), "Visit")).toEqual([
      ["visitor=ناريندرا مودي", "location=جدة"],
    ]);
  });

  it.each([
    "ويلتقي الرئيس الكيني وليام روتو الرئيس الأوغندي يويري موسيفيني غدا في نيروبي.",
    "ويعقد الرئيس الكيني وليام روتو والرئيس الأوغندي يويري موسيفيني قمة في كمبالا غدا.",
    "ومن المقرر أن يسلم وزير الخارجية الغاني صامويل أبلاكوا رسالة من الرئيس جون ماهاما إلى الرئيس الكيني وليام روتو.",
    "وسيجري الرئيس الغاني جون ماهاما محادثات مع الرئيس الكيني وليام روتو في وقت لاحق اليوم.",
    "ودعا الرئيس الكيني وليام روتو نظيره الغاني جون ماهاما إلى زيارة نيروبي.",
    "ومن المقرر أن يزور الرئيس الغاني جون ماهاما نيروبي في زيارة يلتقي خلالها الرئيس الكيني وليام روتو.",
    "وقال وزير الخارجية الكيني موساليا مودافادي إن محادثات الرئيس الكيني وليام روتو والرئيس الأوغندي يويري موسيفيني ستتناول أمن الحدود.",
  ])("told ahead (غدا، سيجري، من المقرر، ستتناول) or invited to (إلى زيارة): no events: %s", (t) => noGatherings(t));

  it("messages: سلم Z Y رسالة من X، نقل Z إلى Y رسالة، الذي نقل إليه رسالة", () => {
    const expected = [["sender=يويري موسيفيني", "carrier=جيجي أودونغو", "recipient=وليام روتو"]];
    for (const t of [
      "وسلم وزير الخارجية الأوغندي جيجي أودونغو الرئيس الكيني وليام روتو رسالة من الرئيس يويري موسيفيني.",
      "ونقل وزير الخارجية الأوغندي جيجي أودونغو إلى الرئيس الكيني وليام روتو رسالة خطية من الرئيس يويري موسيفيني.",
      "واستقبل الرئيس الكيني وليام روتو وزير الخارجية الأوغندي جيجي أودونغو، الذي نقل إليه رسالة من الرئيس يويري موسيفيني.",
    ]) {
      const g = graph(t);
      expect(roles(g, "Message"), t).toEqual(expected);
      noCalls(g);
    }
  });
});

describe("more constructions: the subject after the phrase, arrivals, envoys, the future tense", () => {
  it("وفي لقاء مع Y، قال X: the subject of the verb the phrase leads to met Y", () => {
    const g = graph(
      "وفي لقاء مع نظيره الأوغندي جيجي أودونغو، قال وزير الخارجية الكيني موساليا مودافادي إن بلاده تدعم الحوار.",
    );
    expect(roles(g, "Meeting")).toEqual([["participant=موساليا مودافادي", "participant=جيجي أودونغو"]]);
  });

  it("بدأت X زيارة التقت خلالها Y: the visitor met Y", () => {
    const g = graph(
      "وقد بدأت وزيرة الخارجية الغانية شيرلي أيوركور بوتشواي أمس زيارة لكينيا التقت خلالها نظيرها الكيني موساليا مودافادي.",
    );
    expect(roles(g, "Visit")).toEqual([["visitor=شيرلي أيوركور بوتشواي", "location=كينيا"]]);
    expect(roles(g, "Meeting")).toEqual([["participant=شيرلي أيوركور بوتشواي", "participant=موساليا مودافادي"]]);
  });

  it("وصل X إلى مدينة في زيارة يلتقي خلالها Y: a visit, and a meeting it is to hold (none)", () => {
    const g = graph("ووصل الرئيس الغاني جون ماهاما إلى نيروبي في زيارة رسمية يلتقي خلالها الرئيس الكيني وليام روتو.");
    expect(roles(g, "Visit")).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(roles(g, "Meeting")).toEqual([]);
  });

  it("زار X مدينة حيث التقى Y: the visitor met Y; حط X رحاله في مدينة في زيارة", () => {
    const g = graph("وزار الرئيس الغاني جون ماهاما نيروبي حيث التقى الرئيس الكيني وليام روتو.");
    expect(roles(g, "Visit")).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(roles(g, "Meeting")).toEqual([["participant=جون ماهاما", "participant=وليام روتو"]]);
    expect(
      roles(graph("وحط وزير الخارجية الغاني صامويل أبلاكوا رحاله في كمبالا في زيارة هي الأولى من نوعها."), "Visit"),
    ).toEqual([["visitor=صامويل أبلاكوا", "location=أوغندا"]]);
  });

  it("a name after the head of a place (مطار X) is no party", () => {
    const g = graph(
      "وكان في استقبال الرئيس الغاني جون ماهاما لدى وصوله إلى مطار جومو كينياتا الدولي نائب الرئيس الكيني كيثوري كينديكي.",
    );
    expect(roles(g, "Meeting")).toEqual([["host=كيثوري كينديكي", "guest=جون ماهاما"]]);
  });

  it("visits: زيارة يقوم بها X إلى Y؛ وصل/توجه X إلى a foreign capital; a return home is none", () => {
    expect(
      roles(graph("وفي زيارة يقوم بها الرئيس الغاني جون ماهاما إلى نيروبي، بحث الجانبان التعاون التجاري."), "Visit"),
    ).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(roles(graph("ووصل وزير الخارجية الغاني صامويل أبلاكوا إلى نيروبي قادما من كمبالا."), "Visit")).toEqual([
      ["visitor=صامويل أبلاكوا", "location=كينيا"],
    ]);
    expect(roles(graph("وتوجه الرئيس الغاني جون ماهاما إلى كمبالا في زيارة رسمية."), "Visit")).toEqual([
      ["visitor=جون ماهاما", "location=أوغندا"],
    ]);
    expect(roles(graph("ووصل الرئيس الكيني وليام روتو إلى نيروبي عائدا من أكرا."), "Visit")).toEqual([]);
  });

  it("an envoy no name is given for carries the message as the sender's state's envoy", () => {
    for (const t of [
      "وتسلم الرئيس الكيني وليام روتو رسالة من الرئيس الأوغندي يويري موسيفيني نقلها مبعوثه الخاص.",
      "وسلم مبعوث الرئيس الأوغندي يويري موسيفيني رسالة خطية إلى الرئيس الكيني وليام روتو.",
    ]) {
      const g = graph(t);
      const [m] = g.events.filter((e) => e.kind === "Message");
      expect(roles(g, "Message")[0], t).toEqual([
        "sender=يويري موسيفيني",
        expect.stringMatching(/^carrier=/),
        "recipient=وليام روتو",
      ]);
      const carrier = g.entities.find((e) => e.id === m.participants[1].entity);
      expect(carrier?.unnamed).toBe(true);
      expect(carrier?.country).toBe("country:ug");
      noCalls(g);
    }
  });

  it("وأكد X في رسالته إلى Y: the noun's pronoun is the sender", () => {
    const g = graph("وأكد الرئيس الغاني جون ماهاما في رسالته إلى الرئيس الكيني وليام روتو دعم بلاده.");
    expect(roles(g, "Message")).toEqual([["sender=جون ماهاما", "recipient=وليام روتو"]]);
  });
});

describe("talks, cables, a dual subject and denials", () => {
  it("خلال مباحثاته مع Y؛ X ونظيره Y قد التقيا؛ الرئيسان [nisba] و[nisba] قد التقيا", () => {
    expect(
      roles(
        graph("وأكد الرئيس الكيني وليام روتو خلال مباحثاته مع نظيره الأوغندي يويري موسيفيني ضرورة التهدئة."),
        "Meeting",
      ),
    ).toEqual([["participant=وليام روتو", "participant=يويري موسيفيني"]]);
    expect(
      roles(
        graph("وكان الرئيس الكيني وليام روتو ونظيره الأوغندي يويري موسيفيني قد التقيا في نيروبي الشهر الماضي."),
        "Meeting",
      ),
    ).toEqual([["participant=وليام روتو", "participant=يويري موسيفيني", "location=كينيا"]]);
    expect(roles(graph("وكان الرئيسان الكيني والأوغندي قد التقيا في نيروبي الشهر الماضي."), "Meeting")).toEqual([
      ["participant=الرئيس الكيني", "participant=الرئيس الأوغندي", "location=كينيا"],
    ]);
  });

  it("خلال زيارته إلى مدينة، التقى X Y: the subject of the verb after the phrase is the visitor", () => {
    const g = graph("وخلال زيارته إلى كمبالا، التقى الرئيس الغاني جون ماهاما الرئيس الأوغندي يويري موسيفيني.");
    expect(roles(g, "Visit")).toEqual([["visitor=جون ماهاما", "location=أوغندا"]]);
    expect(roles(g, "Meeting")).toEqual([["participant=جون ماهاما", "participant=يويري موسيفيني"]]);
  });

  it("زيارة X إلى Y: the person annexed is the visitor; وفي لقاء X و Y: both annexed parties met", () => {
    const visit =
      "وأكد وزير الخارجية الكيني موساليا مودافادي خلال زيارة الرئيس الغاني جون ماهاما إلى نيروبي أهمية التعاون.";
    const meeting = "وفي لقاء الرئيس الكيني وليام روتو والرئيس الأوغندي يويري موسيفيني، اتفق الجانبان على فتح الحدود.";
    expect(roles(graph(visit), "Visit")).toEqual([["visitor=جون ماهاما", "location=كينيا"]]);
    expect(roles(graph(meeting), "Meeting")).toEqual([["participant=وليام روتو", "participant=يويري موسيفيني"]]);
  });

  it("a cable of congratulation is a message", () => {
    expect(roles(graph("وبعث الرئيس الغاني جون ماهاما برقية تهنئة إلى الرئيس الكيني وليام روتو."), "Message")).toEqual([
      ["sender=جون ماهاما", "recipient=وليام روتو"],
    ]);
  });

  it("a meeting denied is none", () => {
    noGatherings(
      "ونفى المتحدث باسم الرئاسة الكينية أن يكون الرئيس وليام روتو قد التقى الرئيس الأوغندي يويري موسيفيني.",
    );
  });
});

describe("a meeting spoken of in a story of a call", () => {
  const call = "أجرى الرئيس الكيني وليام روتو اتصالا هاتفيا مع نظيره الأوغندي يويري موسيفيني.";
  const pair = ["participant=وليام روتو", "participant=يويري موسيفيني"];

  it.each([
    ["واستعرض الرئيسان نتائج لقائهما الأخير في نيروبي.", [...pair, "location=كينيا"]],
    ["وجاء الاتصال بعد أسبوع من القمة التي جمعت الرئيسين.", pair],
    // names alone in quote marks, joined to the noun wherever it stands
    ["وجاء الاتصال بعد أيام من لقاء «روتو» و«موسيفيني» في كمبالا.", [...pair, "location=أوغندا"]],
    ["وذكرت الرئاسة أن لقاء «روتو» و«موسيفيني» في نيروبي تناول الأمن.", [...pair, "location=كينيا"]],
    // the subject before the verb that holds the noun, and a city after its noun (في مدينة X)
    ["وكان الزعيمان قد عقدا لقاء في مدينة مومباسا الشهر الماضي.", [...pair, "location=مومباسا"]],
    // two parties of the clause before «خلال لقاء»
    ["واتفق «روتو» و«موسيفيني» خلال لقاء في كمبالا على فتح الحدود.", [...pair, "location=أوغندا"]],
    // a meeting referred to (أشار إلى لقائه), not one invited to
    ["وأشار روتو إلى لقائه مع موسيفيني في كمبالا.", [...pair, "location=أوغندا"]],
    // talks held in a city are a meeting of their own, not the call again
    ["وكان الرئيسان قد أجريا مباحثات في كمبالا في مايو.", [...pair, "location=أوغندا"]],
    ["وتطرق الرئيسان إلى اللقاء الذي جمعهما في نيروبي.", [...pair, "location=كينيا"]],
  ])("the parties' own meeting is a meeting besides the call: %s", (t, expected) => {
    const g = graph(`${call} ${t}`);
    expect(roles(g, "Meeting")).toEqual([expected]);
    expect(g.events.filter((e) => e.kind === "PhoneCall")).toHaveLength(1);
  });

  it.each([
    "وتناولت المباحثات العلاقات الثنائية.",
    // talks «في» a country are about it
    "وتناولت المباحثات في السودان الأوضاع الإنسانية.",
  ])("talks re-mentioned after the call are the call: %s", (t) => {
    const g = graph(`${call} ${t}`);
    expect(roles(g, "Meeting")).toEqual([]);
  });

  it.each([
    // a meeting of the two still to come
    "وذكرت الرئاسة أن لقاء روتو وموسيفيني في نيروبي سيتناول الأمن.",
    // invited to a visit
    "ودعا روتو موسيفيني إلى زيارة نيروبي.",
  ])("no meeting or visit that has not happened: %s", (t) => {
    const g = graph(`${call} ${t}`);
    expect(g.events.filter((e) => e.kind === "Meeting" || e.kind === "Visit")).toEqual([]);
  });

  it("a visit whose first actor after the verb is the place: the visitor is the one named before", () => {
    const g = graph(`${call} وكان «روتو» قد زار كمبالا في مارس الماضي.`);
    expect(roles(g, "Visit")).toEqual([["visitor=وليام روتو", "location=أوغندا"]]);
  });

  it("a state after a feminine verb of visiting may be its subject: no visitor is guessed", () => {
    const g = graph(`${call} وزارت أوغندا وفود كثيرة.`);
    expect(roles(g, "Visit")).toEqual([]);
  });
});

describe("talks held in a city, hosting, and a state as host", () => {
  it.each([
    [
      "بحث الرئيس الغاني جون ماهاما مع نظيره الكيني وليام روتو في أكرا العلاقات الثنائية.",
      ["participant=جون ماهاما", "participant=وليام روتو", "location=غانا"],
    ],
    [
      "وبحث الرئيس الغاني جون ماهاما في نيروبي مع نظيره الكيني وليام روتو سبل التعاون.",
      ["participant=جون ماهاما", "participant=وليام روتو", "location=كينيا"],
    ],
    [
      "تباحث الرئيس الغاني جون ماهاما ونظيره الكيني وليام روتو في أكرا حول التجارة.",
      ["participant=جون ماهاما", "participant=وليام روتو", "location=غانا"],
    ],
  ])("a verb of discussing with a city after a party is a meeting: %s", (t, expected) => {
    const g = graph(t);
    expect(roles(g, "Meeting")).toEqual([expected]);
    noCalls(g);
  });

  it.each([
    // no city: it may have been by phone
    "بحث الرئيس الغاني جون ماهاما مع نظيره الكيني وليام روتو العلاقات الثنائية.",
    // a country after the topic is what they spoke of
    "بحث الرئيس الغاني جون ماهاما مع نظيره الكيني وليام روتو الأوضاع في السودان.",
  ])("talks with no city after a party are no meeting: %s", (t) => {
    expect(roles(graph(t), "Meeting")).toEqual([]);
  });

  it("talks in a city told with a phone word are a call", () => {
    const g = graph("بحث الرئيس الغاني جون ماهاما هاتفيا مع نظيره الكيني وليام روتو في أكرا الأوضاع.");
    expect(roles(g, "Meeting")).toEqual([]);
    expect(g.events.filter((e) => e.kind === "PhoneCall")).toHaveLength(1);
  });

  it("رحب X بـ Y, a person: X received Y (and said something)", () => {
    const g = graph("ورحب الرئيس الغاني جون ماهاما، الثلاثاء، بنظيره الكيني وليام روتو لدى وصوله إلى أكرا.");
    expect(roles(g, "Meeting")).toEqual([["host=جون ماهاما", "guest=وليام روتو"]]);
  });

  it.each([
    "ورحب الرئيس الغاني جون ماهاما بقرار الرئيس الكيني وليام روتو.",
    "ورحب الرئيس الغاني جون ماهاما بدعوة الرئيس الكيني وليام روتو.",
  ])("a welcome of a decision or an invitation is no meeting: %s", (t) => {
    expect(roles(graph(t), "Meeting")).toEqual([]);
  });

  it("رحب X بنظيره in the account of their call is a courtesy of the call", () => {
    const g = graph(
      "أجرى الرئيس الغاني جون ماهاما اتصالا هاتفيا مع نظيره الكيني وليام روتو. ورحب ماهاما بنظيره وأكد دعم بلاده.",
    );
    expect(roles(g, "Meeting")).toEqual([]);
  });

  it("a joint committee of two states met: the states are its parties", () => {
    const g = graph("وعقدت اللجنة الغانية الكينية المشتركة اجتماعها الثالث في أكرا برئاسة وزيري خارجية البلدين.");
    expect(roles(g, "Meeting")).toEqual([["participant=غانا", "participant=كينيا", "location=غانا"]]);
    // one state's committee meeting alone is no meeting between parties
    expect(roles(graph("وعقدت اللجنة الأولمبية الغانية اجتماعها في أكرا."), "Meeting")).toEqual([]);
  });

  it("استضاف X Y: X hosts", () => {
    const g = graph("واستضاف الرئيس الغاني جون ماهاما نظيره الكيني وليام روتو في أكرا.");
    expect(roles(g, "Meeting")).toEqual([["host=جون ماهاما", "guest=وليام روتو", "location=غانا"]]);
  });

  it("a state right after a verb of receiving is the host of the delegations it received", () => {
    const g = graph("واستقبلت غانا وفدا كينيا ووفدا أوغنديا.");
    expect(roles(g, "Meeting")).toEqual([["host=غانا", "guest=كينيا", "guest=أوغندا"]]);
  });
});

describe("an unnamed ambassador: someone with the state they are posted to", () => {
  it("received as a guest, with the posting in the name and the position", () => {
    const g = graph("واستقبل وزير الخارجية الكيني موساليا مودافادي سفير غانا لدى كينيا.");
    expect(roles(g, "Meeting")).toEqual([["host=موساليا مودافادي", "guest=سفير غانا لدى كينيا"]]);
    const envoy = g.entities.find((e) => e.name === "سفير غانا لدى كينيا");
    expect(envoy?.id).toBe("person:unnamed:ambassador:gh:ke");
    expect(envoy?.positions[0]).toMatchObject({ titleEn: "ambassador to Kenya", country: "country:gh" });
  });

  it("carrying a message", () => {
    const g = graph("وسلم السفير الغاني في كينيا رسالة من الرئيس الغاني جون ماهاما إلى الرئيس الكيني وليام روتو.");
    expect(roles(g, "Message")).toEqual([
      ["sender=جون ماهاما", "carrier=السفير الغاني في كينيا", "recipient=وليام روتو"],
    ]);
  });

  it("one state's ambassadors in two states are two people", () => {
    const g = graph("والتقى السفير الغاني لدى كينيا السفير الغاني لدى أوغندا في نيروبي.");
    const ids = g.entities.filter((e) => e.unnamed && e.kind === "Person").map((e) => e.id);
    expect(ids.sort()).toEqual(["person:unnamed:ambassador:gh:ke", "person:unnamed:ambassador:gh:ug"]);
  });

  it("an unnamed holder is named by the title's words, without the clitics before them", () => {
    const g = graph("وسلم وزير الخارجية الكيني موساليا مودافادي رسالة من الرئيس الكيني وليام روتو للرئيس الغاني.");
    expect(roles(g, "Message")).toEqual([["sender=وليام روتو", "carrier=موساليا مودافادي", "recipient=الرئيس الغاني"]]);
  });

  it("an ambassador named by state alone is no one in particular: no meeting", () => {
    expect(roles(graph("واستقبل الرئيس الكيني وليام روتو السفير الغاني."), "Meeting")).toEqual([]);
  });
});
