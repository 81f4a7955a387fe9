/** The FHIR export (features/interop): texts that go into the exported resources. */
export const interop = {
  taskParameters: {
    application: 'Søknaden',
    outcome: 'Utfall',
    decidedAt: 'Besluttet',
    conditions: 'Vilkår',
  },
};
