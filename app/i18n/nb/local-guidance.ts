/** The trust's own guidance where it is shown (the application form, endorsement, assessment, decision). */
export const localGuidance = {
  title: 'Veiledning fra helseforetaket',
  links: 'Lenker fra helseforetaket',
};
