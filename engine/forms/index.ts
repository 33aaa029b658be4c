/** @module The form engine: the form definition meta-schema, its checks, the derived data schema and the compiled validator. */
export { checkFormDefinition } from './check-form-definition';
export { compileForm } from './compile-form';
export { customerFillOf, fillFromCustomer } from './customer-fill';
export type { CustomerFill } from './customer-fill';
export type { CompiledForm, FormValidation, ValidateOptions } from './compile-form';
export { formDataSchema } from './form-data-schema';
export type { DataSchemaOptions } from './form-data-schema';
export { MAX_CONTAINER_DEPTH, MAX_FIELDS_PER_LIST, formDefinitionSchema } from './form-definition.schema';
export type {
  FieldDefinition,
  FormDefinition,
  GroupField,
  LeafField,
  SectionField,
} from './form-definition.schema';
export { listFormFields } from './form-fields';
export { formDataMessages, formDefinitionMessages } from './form-messages';
export type { DataSchema } from './fields/field-type';
