import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * zod → JSON Schema draft-07 (which AsyncAPI 3.0's Schema Object extends), for a document with a
 * `components.schemas` section: a schema named with `.meta({id})` (Message, Participant…) is written
 * there once and referenced as `#/components/schemas/{id}` wherever it appears, so the document
 * holds no `$ref` outside itself.
 */
export class JsonSchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** What `schema` accepts (`input`: what clients send) or produces (`output`: what the server sends). */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { definitions, ...root } = z.toJSONSchema(schema, { target: 'draft-7', io }) as JsonSchema;
    delete root.$schema; // the document's Schema Objects take draft-07 as given
    for (const [id, definition] of Object.entries((definitions ?? {}) as Record<string, JsonSchema>)) {
      this.add(id, relink(definition));
    }
    return relink(root);
  }

  private add(id: string, definition: JsonSchema): void {
    const known = this.schemas[id];
    if (known && JSON.stringify(known) !== JSON.stringify(definition)) {
      throw new Error(`schema ${id} converts differently in two places (input vs output?)`);
    }
    this.schemas[id] = definition;
  }
}

/** zod writes references into its own `definitions`; the document keeps them in `components.schemas`. */
function relink(schema: JsonSchema): JsonSchema {
  const json = JSON.stringify(schema).replaceAll('"$ref":"#/definitions/', '"$ref":"#/components/schemas/');
  return JSON.parse(json) as JsonSchema;
}
