export const application = {
  editTitle: 'Rediger søknad',
};
