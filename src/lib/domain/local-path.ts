/**
 * The one rule for where the portal may send a browser: a path on this site. The target is
 * parsed as a browser would (against a stand-in origin) and must keep that origin; control
 * characters are refused outright, since browsers strip a tab or a newline and `/\t/host`
 * would become `//host`, another site.
 *
 *   isLocalPath('/ideas/4?tab=1')      -> true
 *   isLocalPath('//evil.example')      -> false
 *   isLocalPath('/\t/evil.example')    -> false
 *   isLocalPath('https://evil.example') -> false
 */
const STAND_IN = 'http://local.invalid';

export function isLocalPath(target: string): boolean {
	if (!target.startsWith('/') || target.length > 2000) return false;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return false;
	if (target.startsWith('//')) return false;
	try {
		return new URL(target, STAND_IN).origin === STAND_IN;
	} catch {
		return false;
	}
}

/** The target if it is local, else the fallback. */
export function localPathOr(target: string | null | undefined, fallback = '/'): string {
	return target && isLocalPath(target) ? target : fallback;
}
