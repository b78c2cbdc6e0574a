// akhbar graph model — constraints and indexes, applied idempotently on every start (src/graph/schema.ts).
// Statements are separated by a line ending in ';'. Comments start with //.
//
// Actors      (:Actor:Person|:Actor:Organization|:Actor:Country {id, name, nameEn, aliases, keys, ...}), (:Place {id, name, ...})
//             keys = normalised forms of name, aliases, English name and (people) family name: exact look-up.
// Offices     (:Person)-[:HOLDS {validFrom, validTo}]->(:Position {id, title, titleEn})
//             (:Position)-[:IN]->(:Organization), (:Position)-[:FOR]->(:Country)
// Membership  (:Person|:Organization)-[:OF_COUNTRY]->(:Country), (:Organization)-[:PART_OF]->(:Organization),
//             (:Country)-[:CO_CHAIRS]->(:Organization)
// Events      (:Event:PhoneCall|:Statement|:Appeal|:Claim|... {id, kind, cameo, date, dateFrom, dateTo,
//             datePrecision, directed, quote, verb, medium})-[:CALLER|CALLEE|SPEAKER|ADDRESSEE|CLAIMANT|...]->(:Actor|:Place)
//             (:Event)-[:HAS_QUANTITY]->(:Quantity {value, approximate, atLeast, what})-[:SUFFERED_BY]->(:Actor)
// Provenance  (:Article {id, text, source, publishedAt, contentHash})-[:HAS_SENTENCE]->(:Sentence {id, index, start, end, text})
//             (:Event)-[:EVIDENCED_BY {start, end, text}]->(:Sentence), (:Actor|:Place)-[:MENTIONED_IN {start, end}]->(:Sentence)
// Derived     (:Actor)-[:CALLED {event, directed, date}]->(:Actor), kept in step with :PhoneCall events.

CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_hash IF NOT EXISTS FOR (n:Article) REQUIRE n.contentHash IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (n:Quantity) REQUIRE n.id IS UNIQUE;
CREATE INDEX actor_keys IF NOT EXISTS FOR (n:Actor) ON (n.keys);
CREATE INDEX place_keys IF NOT EXISTS FOR (n:Place) ON (n.keys);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_kind_date IF NOT EXISTS FOR (n:Event) ON (n.kind, n.date);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor|Place) ON EACH [n.name, n.nameEn, n.aliasText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
CREATE FULLTEXT INDEX event_text IF NOT EXISTS FOR (n:Event|Sentence) ON EACH [n.quote, n.text] OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
