import type { TrustChoiceRefusal } from '../../features/auth/domain/trusts';

export const trustChoice = {
  title: 'Velg helseforetak',
  intro:
    'Du har roller i flere helseforetak. Velg hvilket helseforetak du vil arbeide i nå. Du ser bare sakene og rollene i det helseforetaket du velger, og kan bytte når som helst fra toppen av siden.',
  current: 'Du arbeider nå her',
  choose: (trust: string) => `Fortsett i ${trust}`,
  refusals: {
    noRoleInTrust:
      'Du har ingen rolle i helseforetaket du valgte, så du kan ikke arbeide der. Velg et av helseforetakene i listen. Ingenting er endret.',
  } satisfies Record<TrustChoiceRefusal, string>,
  signedInAs: (name: string) => `Innlogget som ${name}`,
  switcherLabel: 'Helseforetak',
  switchButton: 'Bytt helseforetak',
};
