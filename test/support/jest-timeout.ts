// Integration tests boot apps and join consumer groups: allow a minute per test and per hook.
jest.setTimeout(60_000);
