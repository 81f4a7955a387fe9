import type { HistoryNote } from '../../features/cases/domain/history';

export const historyNotes = {
  create: 'Søknad opprettet',
  inviteCoAuthor: 'Medforfatter invitert',
  removeCoAuthor: 'Medforfatter fjernet',
  delegateEndorsement: 'Forankring delegert',
  inviteLeader: 'Leder invitert til samarbeid',
  removeLeader: 'Leder fjernet fra samarbeidet',
  takeBackDelegation: 'Delegering av forankringen tatt tilbake',
  giveLeaderInput: 'Innspill til forankringen gitt',
  assignCommitteeMember: 'Komitémedlem tildelt',
  registerRetrospective: 'Etterregistrert',
} satisfies Record<HistoryNote, string>;
