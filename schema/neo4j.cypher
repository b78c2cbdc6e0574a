// akhbar graph model — constraints and indexes, applied idempotently on every start (src/graph/schema.ts).
// Statements are separated by a line ending in ';'. Comments start with //.
// Written by the loader (src/graph/loader.ts); identity rules in src/graph/identity.ts.
//
// Actors      (:Actor:Person|:Actor:Organization|:Actor:Country {id, name, nameEn, aliases, aliasText, key,
//             unnamed, iso2, type}) and (:Place {id, name, nameEn, aliases, aliasText, key}).
//             id = the extractor's stable id: person:sergey-lavrov, person:ar:<normalised name>,
//             person:unnamed:<office>:<iso2>[:<posting>], org:ru:mfa, org:osce:minsk-group, country:ru, place:<slug>.
//             key = nameKey(name); aliasText = every name form joined by " | " (full-text index only).
// Names       (:Actor|:Place)-[:NAMED {form, kind}]->(:Name {key}) for the name, every alias, the English name
//             and, for a named person, the family name (last token of the Arabic and of the English name).
//             key = nameKey(form) = normaliseArabic(form) lower-cased (src/graph/identity.ts). Exact look-up:
//             MATCH (:Name {key: $k})<-[:NAMED]-(a) — unique-index seek; a key may name several actors.
//             kind: name | alias | en | family.
// Offices     (:Person)-[:HOLDS {validFrom, validTo}]->(:Position {id, title, titleEn})
//             (:Position)-[:IN]->(:Organization), (:Position)-[:FOR]->(:Country)
//             Position id = "position:<slug(titleEn) or key(title)>@<organization id | country id | none>".
// Membership  (:Person|:Organization)-[:OF_COUNTRY]->(:Country), (:Organization)-[:PART_OF]->(:Organization),
//             (:Country)-[:CO_CHAIRS]->(:Organization) (when the document graph gives coChairs).
// Events      (:Event:PhoneCall|:Statement|:Appeal|:Condolence|:Claim|:TerritorialClaim|:Clash|:Ceasefire|
//             :MeetingCall|:Accusation|:Meeting|:Visit|:Message|:Other {id, kind, cameo, date, dateFrom, dateTo, datePrecision,
//             day, directed, quote, verb, medium, topic, articles, sortKey})
//             sortKey = start day (or '~' when undated) + '|' + id: the order of event lists, indexed.
//             id = "event:" + sha1 of the identity rule (kind, participants, day); see identity.ts.
//             date: "YYYY" | "YYYY-MM" | "YYYY-MM-DD" | "YYYY-MM-DD/YYYY-MM-DD"; dateFrom/dateTo: ISO days of
//             the span it covers (1994 -> 1994-01-01..1994-12-31), for range queries.
//             day = the day the identity rule used (event day, else publication day, else null).
//             The kinds and their roles are the registry's (src/extract/kinds.ts).
//             One relationship per argument role: (:Event)-[:CALLER|CALLEE|SPEAKER|ADDRESSEE|CLAIMANT|HOST|GUEST|
//             PARTICIPANT|VISITOR|SENDER|CARRIER|RECIPIENT|LOCATION|...]->(:Actor|:Place) (role upper-snake-cased
//             from a fixed allow-list; any other role -> [:PARTICIPANT {role}]).
//             (:Event)-[:HAS_QUANTITY]->(:Quantity {id, value, approximate, atLeast, what, text})
//             (:Quantity)-[:SUFFERED_BY]->(:Actor|:Place)
// Provenance  (:Article {id, text, source, publishedAt, contentHash, language, title, loadedAt})
//             (:Article)-[:HAS_SENTENCE]->(:Sentence {id: "<article>#<index>", article, index, start, end, text})
//             (:Event)-[:EVIDENCED_BY {start, end, text}]->(:Sentence)   offsets into the article text; each
//             property only when the sentence does not already give it (evidence = the whole sentence has none;
//             text only when it is not the sentence's slice start..end)
//             (:Actor|:Place)-[:MENTIONED_IN {start, end}]->(:Sentence)
// Derived     (caller:Actor)-[:CALLED {event, directed, date}]->(callee:Actor): one per PhoneCall event, kept in
//             step with its CALLER/CALLEE (undirected calls: directed=false, caller = first-named party).
//             (a:Actor)-[:MET {event, directed, date}]->(b:Actor): between every two actors of a Meeting event
//             (host, guest, participant): from the host to a guest (directed=true), else lower id -> higher id.
//             (:Actor)-[:INTERACTED {firstEvent}]->(:Actor): the two actors took part in at least one event
//             together (stored once per pair, lower id -> higher id; query it undirected). Shortest path between
//             two actors: shortestPath((a)-[:INTERACTED*..4]-(b)), then the events of each hop.

CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_hash IF NOT EXISTS FOR (n:Article) REQUIRE n.contentHash IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (n:Quantity) REQUIRE n.id IS UNIQUE;
CREATE INDEX actor_keys IF NOT EXISTS FOR (n:Actor) ON (n.key);
CREATE INDEX place_key IF NOT EXISTS FOR (n:Place) ON (n.key);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
// kind and date: one composite index (the read queries order by sortKey; the composite serves kind + date look-ups)
CREATE INDEX event_kind_date IF NOT EXISTS FOR (n:Event) ON (n.kind, n.date);
CREATE INDEX event_sort IF NOT EXISTS FOR (n:Event) ON (n.sortKey);
CREATE INDEX phonecall_sort IF NOT EXISTS FOR (n:PhoneCall) ON (n.sortKey);
CREATE INDEX meeting_sort IF NOT EXISTS FOR (n:Meeting) ON (n.sortKey);
CREATE INDEX statement_sort IF NOT EXISTS FOR (n:Statement) ON (n.sortKey);
CREATE INDEX claim_sort IF NOT EXISTS FOR (n:Claim) ON (n.sortKey);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE INDEX called_event IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.event);
CREATE INDEX called_date IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.date);
// Indexes of earlier versions that no read query used (each cost a write per event).
DROP INDEX event_kind IF EXISTS;
DROP INDEX event_date IF EXISTS;
DROP INDEX event_date_from IF EXISTS;
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor|Place) ON EACH [n.name, n.nameEn, n.aliasText] OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
CREATE FULLTEXT INDEX event_text IF NOT EXISTS FOR (n:Event|Sentence) ON EACH [n.quote, n.text] OPTIONS { indexConfig: { `fulltext.analyzer`: 'arabic' } };
