import type { HistoryNote } from '../../features/cases/domain/history';

export const historyNotes = {
  create: 'Søknad opprettet',
  inviteCoAuthor: 'Medforfatter invitert',
  delegateEndorsement: 'Forankring delegert',
  inviteLeader: 'Leder invitert til samarbeid',
  takeBackDelegation: 'Delegering av forankringen tatt tilbake',
  giveLeaderInput: 'Innspill til forankringen gitt',
  assignCommitteeMember: 'Komitémedlem tildelt',
  registerRetrospective: 'Etterregistrert',
} satisfies Record<HistoryNote, string>;
