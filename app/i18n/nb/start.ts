export const start = {
  title: 'Ny søknad',
  intro:
    'Velg ordning og om søknaden gjelder én pasient eller en gruppe. Resten av skjemaet tilpasses valgene, og alt lagres automatisk.',
  start: 'Start søknaden',
};
