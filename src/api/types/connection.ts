import { Field, Int, ObjectType } from "type-graphql";
import type { ConnectionValue } from "../pagination.js";

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * A Relay connection type `<Name>Connection` with edges `<Name>Edge`. The node type is a thunk so that
 * types referring to each other can be declared in any order. totalCount runs its count query only when
 * a client selects it.
 */
export function Connection<N>(name: string, nodeType: () => Function, description?: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: "Pass as `after` to get the items following this one." })
    cursor!: string;

    @Field(nodeType)
    node!: N;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType()], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes!: N[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: ConnectionValue<N>["count"];

    @Field(() => Int, { description: "How many items the whole list has (computed only when asked for)." })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionType;
}
