import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Is the API up, and the Neo4j behind it?" })
export class Health {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, { nullable: true, description: "Version of the Neo4j server, e.g. 5.26.19" })
  neo4jVersion!: string | null;

  @Field(() => String, { nullable: true })
  neo4jEdition!: string | null;

  @Field(() => Int, { nullable: true })
  nodeCount!: number | null;

  @Field(() => Int, { nullable: true })
  relationshipCount!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}
