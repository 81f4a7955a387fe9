/**
 * National sources the guidance links to that the project's seed documents cite: the Nye Metoder
 * framework the portal is built on (for treatment outside the approved indication) and the
 * Norwegian Directorate of Health's guide to experimental treatment.
 */
export const SOURCE_URLS = {
  offLabelFramework:
    'https://nyemetoder.no/om-systemet/rammeverk-for-legemiddelbehandling-utenfor-godkjent-indikasjon-i-spesialisthelsetjenesten',
  experimentalTreatment: 'https://www.helsedirektoratet.no/veiledere/utprovende-behandling',
} as const;
