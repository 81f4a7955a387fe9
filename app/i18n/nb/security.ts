export const security = {
  crossSiteRefused:
    'Forespørselen ble avvist fordi den ikke kom fra en side i Søknadsportalen. Gå tilbake til portalen og prøv igjen derfra.',
  unreadableForm:
    'Skjemaet kunne ikke leses. Gå tilbake, last siden på nytt og send skjemaet derfra.',
  badRequestTitle: 'Forespørselen kunne ikke leses',
  unavailableTitle: 'Tjenesten er midlertidig utilgjengelig',
  unavailableBody:
    'Søknadsportalen får ikke kontakt med databasen akkurat nå. Ingenting av det som allerede er lagret, er tapt. Vent litt og prøv igjen.',
};
