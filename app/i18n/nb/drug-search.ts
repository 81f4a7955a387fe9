/** The drug field's search in FEST (`DrugCombobox`: the editor, the router, the retrospective form). */
export const drugSearch = {
  empty: 'Ingen treff i FEST. Står ikke legemiddelet der, kan du skrive navnet selv.',
  resultSingular: '%d treff',
  resultPlural: '%d treff',
  clear: 'Tøm feltet',
  failed: 'Søket i FEST virker ikke akkurat nå. Du kan skrive navnet selv.',
};
