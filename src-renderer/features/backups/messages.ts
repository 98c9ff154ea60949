// Texts for backups in the settings and for the recovery screen.
import { defineMessages } from '../../i18n/define-messages';

export const backupMessages = defineMessages(
  {
    backups: {
      title: 'Sikkerhetskopier',
      intro:
        'Kartlegg tar en sikkerhetskopi første gang programmet åpnes hver dag, før databasen oppgraderes og før import. Hver kopi kontrolleres før den regnes som god.',
      keep: 'Antall sikkerhetskopier som beholdes',
      keepHint: 'De eldste slettes når det blir flere. Fra 1 til 100.',
      keepSaved: 'Antallet er lagret.',
      createNow: 'Ta sikkerhetskopi nå',
      creating: 'Tar sikkerhetskopi …',
      created: 'Sikkerhetskopien er tatt og kontrollert.',
      none: 'Ingen sikkerhetskopier ennå.',
      listLabel: 'Sikkerhetskopier, nyeste først',
      when: 'Tidspunkt',
      why: 'Årsak',
      size: 'Størrelse',
      state: 'Kontroll',
      actions: 'Handling',
      restore: 'Gjenopprett',
      restoreNamed: 'Gjenopprett kopien fra {{when}}',
      confirmTitle: 'Gjenopprette sikkerhetskopien?',
      confirmBody:
        'Dataene erstattes med kopien fra {{when}}. Endringer gjort etter det forsvinner fra programmet, men Kartlegg tar først en sikkerhetskopi av dataene slik de er nå, så du kan angre.',
      confirm: 'Gjenopprett',
      restoring: 'Gjenoppretter …',
      restored: 'Sikkerhetskopien fra {{when}} er gjenopprettet.',
      restoredSafety: 'Dataene fra før gjenopprettingen ligger i en egen sikkerhetskopi.',
      sizeKb: '{{count}} kB',
      reasons: {
        startOfDay: 'Dagens første oppstart',
        manual: 'Tatt for hånd',
        beforeMigration: 'Før oppgradering av databasen',
        beforeRestore: 'Før gjenoppretting',
        beforeImport: 'Før import',
        copied: 'Kopiert inn',
        other: 'Annet',
      },
      check: {
        ok: '✓ God',
        damaged: '✗ Skadet',
        unchecked: 'Ikke kontrollert',
      },
    },
    recovery: {
      title: 'Dataene kan ikke åpnes',
      intro:
        'Databasen er skadet, så Kartlegg har ikke åpnet den. Ingenting er slettet, og programmet har ikke startet med en tom database. Gjenopprett en sikkerhetskopi for å fortsette.',
      problem: 'Hva som er galt',
      dataDir: 'Datamappe',
      newestGood: 'Anbefalt: den nyeste gode kopien',
      noneGood: 'Ingen av sikkerhetskopiene er gode. Kontakt den som har ansvar for IT-støtte, og ikke slett datamappen.',
      damagedKept: 'Den skadede databasen flyttes til mappen «damaged» i datamappen, så ingenting går tapt.',
      checking: 'Kontrollerer sikkerhetskopiene …',
      restoredReload: 'Gjenopprettet. Starter programmet …',
      introMissing:
        'Databasefilen mangler eller er tom, men datamappen har sikkerhetskopier eller annet som viser at det har ligget data her. Kartlegg har ikke startet med en tom database, for da kunne de gode sikkerhetskopiene etter hvert blitt slettet. Gjenopprett den nyeste gode kopien.',
      freshTitle: 'Starte uten data',
      freshIntro:
        'Bare hvis du vet at dataene ikke skal tilbake: start med en tom database. Sikkerhetskopiene beholdes og kan fortsatt gjenopprettes senere.',
      freshButton: 'Start med tom database …',
      freshConfirmTitle: 'Starte med en tom database?',
      freshConfirmBody:
        'Kartlegg starter uten klienter og kartlegginger. Databasefilen som ikke kan åpnes, flyttes til mappen «damaged», og sikkerhetskopiene beholdes.',
      freshConfirm: 'Start med tom database',
      freshStarting: 'Starter …',
    },
  },
  {
    backups: {
      title: 'Backups',
      intro:
        'Kartlegg makes a backup the first time it opens each day, before the database is upgraded and before imports. Each copy is checked before it counts as good.',
      keep: 'Number of backups to keep',
      keepHint: 'The oldest are deleted when there are more. From 1 to 100.',
      keepSaved: 'The number is saved.',
      createNow: 'Back up now',
      creating: 'Backing up …',
      created: 'The backup was made and checked.',
      none: 'No backups yet.',
      listLabel: 'Backups, newest first',
      when: 'Time',
      why: 'Reason',
      size: 'Size',
      state: 'Check',
      actions: 'Action',
      restore: 'Restore',
      restoreNamed: 'Restore the copy from {{when}}',
      confirmTitle: 'Restore the backup?',
      confirmBody:
        'The data is replaced by the copy from {{when}}. Changes made after it disappear from the app, but Kartlegg first backs up the data as it is now, so you can undo.',
      confirm: 'Restore',
      restoring: 'Restoring …',
      restored: 'The backup from {{when}} has been restored.',
      restoredSafety: 'The data from before the restore is kept in a backup of its own.',
      sizeKb: '{{count}} kB',
      reasons: {
        startOfDay: 'First start of the day',
        manual: 'Made by hand',
        beforeMigration: 'Before a database upgrade',
        beforeRestore: 'Before a restore',
        beforeImport: 'Before an import',
        copied: 'Copied in',
        other: 'Other',
      },
      check: {
        ok: '✓ Good',
        damaged: '✗ Damaged',
        unchecked: 'Not checked',
      },
    },
    recovery: {
      title: 'The data cannot be opened',
      intro:
        'The database is damaged, so Kartlegg has not opened it. Nothing has been deleted, and the app has not started with an empty database. Restore a backup to go on.',
      problem: 'What is wrong',
      dataDir: 'Data folder',
      newestGood: 'Recommended: the newest good copy',
      noneGood: 'None of the backups is good. Contact whoever gives you IT support, and do not delete the data folder.',
      damagedKept: 'The damaged database is moved to the folder "damaged" in the data folder, so nothing is lost.',
      checking: 'Checking the backups …',
      restoredReload: 'Restored. Starting the app …',
      introMissing:
        'The database file is missing or empty, but the data folder holds backups or other signs that data was kept here. Kartlegg has not started with an empty database, as its backups could in time have pushed the good ones out. Restore the newest good copy.',
      freshTitle: 'Start with no data',
      freshIntro:
        'Only if you know the data is not coming back: start with an empty database. The backups are kept and can still be restored later.',
      freshButton: 'Start with an empty database …',
      freshConfirmTitle: 'Start with an empty database?',
      freshConfirmBody:
        'Kartlegg starts with no clients and no assessments. The database file that cannot be opened is moved to the folder "damaged", and the backups are kept.',
      freshConfirm: 'Start with an empty database',
      freshStarting: 'Starting …',
    },
  },
);
