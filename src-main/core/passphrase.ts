// How long a passphrase may be (data folder and packages): its own module, so that the CLI can check a
// passphrase file without loading the encryption code.
export const minPassphraseLength = 10;
export const maxPassphraseLength = 1024;
