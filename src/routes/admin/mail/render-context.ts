import { config, publicAddress } from '$lib/server/config';
import type { RenderContext } from '$lib/server/mail/outbox.service';

/** The outbox renders mail as delivery does: the portal's address (ORIGIN) and the secret that signs unsubscribe links. */
export function renderContext(): RenderContext {
	const cfg = config();
	return { origin: publicAddress(cfg, process.env.PORT), secret: cfg.authSecret, from: cfg.mail.from };
}
