/** Types for @asymmetrik/fhir-json-schema-validator (CommonJS, ships none). */
declare module '@asymmetrik/fhir-json-schema-validator' {
  export interface SchemaError {
    keyword: string;
    dataPath: string;
    message?: string;
  }
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The errors against the FHIR R4 JSON schema; empty when the resource is valid. */
    validate(resource: object, verbose?: boolean): (SchemaError | string)[];
  }
}
