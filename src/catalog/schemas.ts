import { Ajv, type ValidateFunction } from 'ajv';
import indexEntrySchema from '../../schema/index-entry.schema.json' with { type: 'json' };
import indexPointerSchema from '../../schema/index-pointer.schema.json' with { type: 'json' };
import latestSchema from '../../schema/latest.schema.json' with { type: 'json' };
import manifestSchema from '../../schema/manifest.schema.json' with { type: 'json' };
import verificationSchema from '../../schema/verification.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
// the one format the schemas use: an ISO-8601 UTC date-time as written by Date.toISOString()
ajv.addFormat(
  'date-time',
  (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)),
);

export const SCHEMAS = {
  manifest: manifestSchema,
  latest: latestSchema,
  verification: verificationSchema,
  indexEntry: indexEntrySchema,
  indexPointer: indexPointerSchema,
} as const;

const compiled = new Map<keyof typeof SCHEMAS, ValidateFunction>();

/** Validates a document against one of the committed JSON Schemas; returns the problems found. */
export function schemaErrors(name: keyof typeof SCHEMAS, value: unknown): string[] {
  const validate = compiled.get(name) ?? ajv.compile(SCHEMAS[name]);
  compiled.set(name, validate);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}
