import { ContainerModule } from 'inversify';
import { restModule } from '../../../../src/main/modules/rest.module';
import { TOKENS } from '../../../../src/main/tokens';

/** The chat REST API, unless the composition root already serves it (then a no-op). */
export const chatApiModule = new ContainerModule((options) => {
  if (!options.isBound(TOKENS.ApiDocs)) return restModule.load(options);
});
