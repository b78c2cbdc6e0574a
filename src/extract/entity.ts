import type { Entity, EntityKind } from "./types.js";

/** A new entity with every list empty and no country: the one place that knows an Entity's defaults. */
export function newEntity(id: string, kind: EntityKind, name: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    kind,
    name,
    nameEn: null,
    aliases: [],
    country: null,
    positions: [],
    unnamed: false,
    mentions: [],
    ...extra,
  };
}
