import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guards';
import { config } from '$lib/server/config';

/** After the first start: where the new administrator goes next. */
export const load: PageServerLoad = ({ locals, url }) => {
	const user = requirePermission(locals, url, 'org.manage');
	const oidc = config().oidc;
	return { department: user.departmentName, sso: oidc ? { name: oidc.name } : null };
};
