/**
 * The demo's committed media (made once by scripts/demo-media.sh): the step-3 clip of
 * WI-BO-0142, its poster frame and the photo of the torque rack. The server's build carries
 * them (Vite inlines them into chunks loaded only when the demo is seeded, as the migrations
 * are bundled); under tsx (`npm run db:seed`) they are read from beside this file.
 */
import { readFile } from 'node:fs/promises';

export type DemoMediaName = 'torque-checkout.webm' | 'torque-checkout-poster.png' | 'torque-rack.jpg';

function bundled(): Record<string, () => Promise<string>> | null {
	try {
		return import.meta.glob<string>('./media/*.{webm,png,jpg}', { query: '?inline', import: 'default' });
	} catch {
		// tsx: no import.meta.glob
		return null;
	}
}

export async function demoMedia(name: DemoMediaName): Promise<Uint8Array> {
	const load = bundled()?.[`./media/${name}`];
	if (load) {
		const url = await load();
		const comma = url.indexOf(',');
		if (url.startsWith('data:') && url.slice(0, comma).endsWith(';base64')) return Buffer.from(url.slice(comma + 1), 'base64');
	}
	return new Uint8Array(await readFile(new URL(`./media/${name}`, import.meta.url)));
}
