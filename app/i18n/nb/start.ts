export const start = {
  title: 'Ny søknad',
  intro:
    'Velg ordning og om søknaden gjelder én pasient eller en gruppe. Resten av skjemaet tilpasses valgene, og alt lagres automatisk.',
  start: 'Start søknaden',
  sources: 'Om ordningene',
  offLabelFramework:
    'Rammeverk for legemiddelbehandling utenfor godkjent indikasjon i spesialisthelsetjenesten (Nye Metoder)',
  experimentalTreatment: 'Utprøvende behandling (veileder fra Helsedirektoratet)',
};
