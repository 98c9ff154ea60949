// Handlers for encryption at rest: the data store does the work; unlocking also loads the guides.
import type { encryptionMethods } from '../methods/encryption';
import { callSteps } from '../call-steps';
import type { Handlers } from '../registry';

export const encryptionHandlers: Handlers<keyof typeof encryptionMethods> = {
  'encryption.status': (_input, { dataStore }) => dataStore.encryptionStatus(),
  'encryption.unlock': async ({ passphrase }, context) => {
    const step = callSteps(context, ['unlocking', 'loadingGuides']);
    step('unlocking');
    await context.dataStore.unlock(passphrase);
    step('loadingGuides');
    await context.reloadGuides();
    return { unlocked: true as const };
  },
  'encryption.enable': async ({ passphrase }, { dataStore }) => {
    await dataStore.enableEncryption(passphrase);
    return dataStore.encryptionStatus();
  },
  'encryption.changePassphrase': async ({ current, next }, { dataStore }) => {
    await dataStore.changePassphrase(current, next);
    return dataStore.encryptionStatus();
  },
  'encryption.disable': async ({ passphrase }, { dataStore }) => {
    await dataStore.disableEncryption(passphrase);
    return dataStore.encryptionStatus();
  },
};
