import type { LayoutServerLoad } from './$types';
import { can, hasRole, makesPosters } from '$lib/server/auth/policy';
import { countUnreadNotifications } from '$lib/server/notifications/notifications.service';
import { db } from '$lib/server/runtime';
import { config } from '$lib/server/config';

export type NavItem = {
	href: string;
	group: 'main' | 'organise' | 'admin';
	key:
		| 'home'
		| 'myIdeas'
		| 'kb'
		| 'mentoring'
		| 'becomeMentor'
		| 'jury'
		| 'screening'
		| 'allIdeas'
		| 'competitions'
		| 'mentors'
		| 'kbPending'
		| 'people'
		| 'departments'
		| 'hrImport'
		| 'provisioning'
		| 'audit'
		| 'mailOutbox'
		| 'jobs'
		| 'insight'
		| 'wall'
		| 'posters'
		| 'glossary'
		| 'reports';
};

export const load: LayoutServerLoad = async ({ locals, request }) => {
	const user = locals.user;
	const nav: NavItem[] = [];
	let unread = 0;
	if (user) {
		nav.push({ href: '/', key: 'home', group: 'main' });
		if (can(user, 'idea.listOwn')) nav.push({ href: '/ideas', key: 'myIdeas', group: 'main' });
		if (can(user, 'idea.wall')) nav.push({ href: '/wall', key: 'wall', group: 'main' });
		if (can(user, 'kb.read')) nav.push({ href: '/kb', key: 'kb', group: 'main' });
		if (can(user, 'mentoring.coach')) nav.push({ href: '/mentoring', key: 'mentoring', group: 'main' });
		else if (can(user, 'mentoring.optIn')) nav.push({ href: '/mentoring/profile', key: 'becomeMentor', group: 'main' });
		if (can(user, 'jury.score')) nav.push({ href: '/jury', key: 'jury', group: 'main' });
		if (can(user, 'insight.summary')) nav.push({ href: '/insight', key: 'insight', group: 'main' });
		if (can(user, 'idea.screen')) nav.push({ href: '/organise/screening', key: 'screening', group: 'organise' });
		if (can(user, 'idea.listAll')) nav.push({ href: '/organise/ideas', key: 'allIdeas', group: 'organise' });
		if (can(user, 'competition.manage')) nav.push({ href: '/organise/competitions', key: 'competitions', group: 'organise' });
		if (can(user, 'mentoring.manage')) nav.push({ href: '/organise/mentors', key: 'mentors', group: 'organise' });
		// organisers, management teams and team leaders put QR posters for the one-minute idea up
		if (makesPosters(user, user.leader)) nav.push({ href: '/posters', key: 'posters', group: 'organise' });
		if (can(user, 'kb.manage')) nav.push({ href: '/kb/pending', key: 'kbPending', group: 'organise' });
		if (can(user, 'glossary.manage')) nav.push({ href: '/organise/glossary', key: 'glossary', group: 'organise' });
		// every open report on a work instruction (everyone else reaches theirs from a notice or the instruction)
		if (can(user, 'kb.manage')) nav.push({ href: '/instructions/reports', key: 'reports', group: 'organise' });
		if (can(user, 'admin.users')) nav.push({ href: '/admin/users', key: 'people', group: 'admin' });
		if (can(user, 'org.manage')) nav.push({ href: '/admin/departments', key: 'departments', group: 'admin' });
		if (can(user, 'org.import'))
			nav.push({ href: '/admin/import', key: 'hrImport', group: can(user, 'org.manage') ? 'admin' : 'organise' });
		if (can(user, 'admin.provisioning')) nav.push({ href: '/admin/provisioning', key: 'provisioning', group: 'admin' });
		if (can(user, 'admin.audit')) nav.push({ href: '/admin/audit', key: 'audit', group: 'admin' });
		if (can(user, 'admin.mail')) nav.push({ href: '/admin/mail', key: 'mailOutbox', group: 'admin' });
		if (can(user, 'admin.jobs')) nav.push({ href: '/admin/jobs', key: 'jobs', group: 'admin' });
		// Read with the session; after a form action without JavaScript (a POST that renders the
		// page) the action may have changed it, so it is read again.
		unread = request.method === 'GET' || request.method === 'HEAD' ? locals.unread : await countUnreadNotifications(db(), user);
	}
	return {
		user: user && {
			id: user.id,
			name: user.name,
			departmentName: user.departmentName,
			roles: user.roles,
			isOrganiser: hasRole(user, 'organiser')
		},
		nav,
		unread,
		locale: locals.locale,
		demo: config().demoSignIn
	};
};
