/**
 * What this SCIM service says about itself (RFC 7643 sections 5-7, RFC 7644 section 4):
 * the service provider configuration, the schemas of the attributes it reads and writes,
 * and its two resource types. Everything here is true of the service as built: what is
 * listed is mapped (see user-resource.ts and group-resource.ts), what is not is ignored.
 */
import { EDUCATION_LEVELS, JOB_LEVELS } from '../../domain/org-chart.js';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** IdeaCup's own user attributes: job level and education level (the jury and participation figures use them). */
export const IDEACUP_SCHEMA = 'urn:ideacup:params:scim:schemas:extension:2.0:User';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export const USER_EXTENSIONS = [ENTERPRISE_SCHEMA, IDEACUP_SCHEMA] as const;

/** The most resources one list answer holds; a larger `count` is cut to it. */
export const MAX_RESULTS = 200;
export const DEFAULT_COUNT = 100;

type Attribute = {
	name: string;
	type: 'string' | 'boolean' | 'complex' | 'reference';
	multiValued: boolean;
	description: string;
	required: boolean;
	caseExact: boolean;
	mutability: 'readOnly' | 'readWrite' | 'immutable';
	returned: 'always' | 'default';
	uniqueness: 'none' | 'server';
	canonicalValues?: readonly string[];
	referenceTypes?: readonly string[];
	subAttributes?: Attribute[];
};

function attr(name: string, description: string, more: Partial<Attribute> = {}): Attribute {
	return {
		name,
		type: 'string',
		multiValued: false,
		description,
		required: false,
		caseExact: false,
		mutability: 'readWrite',
		returned: 'default',
		uniqueness: 'none',
		...more
	};
}

const userAttributes: Attribute[] = [
	attr('userName', "The person's e-mail address, their key in IdeaCup: stored in lower case, unique.", {
		required: true,
		uniqueness: 'server',
		returned: 'always'
	}),
	attr('name', "The person's name. IdeaCup keeps one full name: displayName, else formatted, else givenName and familyName.", {
		type: 'complex',
		subAttributes: [attr('formatted', 'The full name.'), attr('familyName', 'The family name.'), attr('givenName', 'The given name.')]
	}),
	attr('displayName', "The person's full name as IdeaCup shows it (at most 120 characters)."),
	attr('title', 'Job title.'),
	attr('preferredLanguage', "The portal's language for the person: a tag starting with nl is Dutch, with en English; others are ignored."),
	attr('locale', 'Read like preferredLanguage when that is not sent.'),
	attr(
		'active',
		'false disables the person and hands over what they hold (signed out, mentorships back to the organisers); true enables them again.',
		{
			type: 'boolean'
		}
	),
	attr('emails', 'The e-mail address (the same as userName); a change of the work address changes userName.', {
		type: 'complex',
		multiValued: true,
		subAttributes: [
			attr('value', 'The address.'),
			attr('type', 'work.', { canonicalValues: ['work'] }),
			attr('primary', 'Always true.', { type: 'boolean' })
		]
	}),
	attr('groups', "The person's department, as a Group. Change it through the Group's members or the enterprise extension's department.", {
		type: 'complex',
		multiValued: true,
		mutability: 'readOnly',
		subAttributes: [
			attr('value', 'The Group id.', { mutability: 'readOnly' }),
			attr('$ref', 'The Group.', { type: 'reference', referenceTypes: ['Group'], mutability: 'readOnly' }),
			attr('display', "The department's name.", { mutability: 'readOnly' })
		]
	})
];

const enterpriseAttributes: Attribute[] = [
	attr('employeeNumber', 'The employee number (unique, at most 40 characters), as the HR import matches it.'),
	attr(
		'department',
		"The person's department: its code, its name or the externalId of its Group. An unknown one is refused (invalidValue)."
	),
	attr('manager', "The person's manager. A loop of managers is refused.", {
		type: 'complex',
		subAttributes: [
			attr('value', "The manager's id, or their externalId."),
			attr('$ref', "The manager's User.", { type: 'reference', referenceTypes: ['User'], mutability: 'readOnly' }),
			attr('displayName', "The manager's name.", { mutability: 'readOnly' })
		]
	})
];

const ideacupAttributes: Attribute[] = [
	attr('jobLevel', 'Job level: the jury suggestions and participation figures use it. engineer when never set.', {
		canonicalValues: JOB_LEVELS
	}),
	attr('educationLevel', 'Education level, for participation figures.', { canonicalValues: EDUCATION_LEVELS })
];

const groupAttributes: Attribute[] = [
	attr('displayName', "The department's name (at most 120 characters), unique among active departments.", { required: true }),
	attr('members', 'The people in the department. Adding a member moves that person into this department; removing one changes nothing.', {
		type: 'complex',
		multiValued: true,
		subAttributes: [
			attr('value', "The person's User id.", { mutability: 'immutable' }),
			attr('$ref', "The person's User.", { type: 'reference', referenceTypes: ['User'], mutability: 'immutable' }),
			attr('display', "The person's name.", { mutability: 'readOnly' }),
			attr('type', 'User.', { canonicalValues: ['User'], mutability: 'immutable' })
		]
	})
];

const SCHEMAS = [
	{ id: USER_SCHEMA, name: 'User', description: 'A person of the organisation.', attributes: userAttributes },
	{ id: ENTERPRISE_SCHEMA, name: 'EnterpriseUser', description: 'Enterprise User', attributes: enterpriseAttributes },
	{ id: IDEACUP_SCHEMA, name: 'IdeaCupUser', description: "IdeaCup's own attributes of a person.", attributes: ideacupAttributes },
	{ id: GROUP_SCHEMA, name: 'Group', description: 'A department of the organisation.', attributes: groupAttributes }
];

export function schemaResources(base: string) {
	return SCHEMAS.map((s) => ({
		schemas: [SCHEMA_SCHEMA],
		...s,
		meta: { resourceType: 'Schema', location: `${base}/Schemas/${s.id}` }
	}));
}

export function resourceTypes(base: string) {
	return [
		{
			schemas: [RESOURCE_TYPE_SCHEMA],
			id: 'User',
			name: 'User',
			endpoint: '/Users',
			description: 'People of the organisation',
			schema: USER_SCHEMA,
			schemaExtensions: USER_EXTENSIONS.map((schema) => ({ schema, required: false })),
			meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` }
		},
		{
			schemas: [RESOURCE_TYPE_SCHEMA],
			id: 'Group',
			name: 'Group',
			endpoint: '/Groups',
			description: 'Departments of the organisation',
			schema: GROUP_SCHEMA,
			schemaExtensions: [],
			meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` }
		}
	];
}

export function serviceProviderConfig(base: string) {
	return {
		schemas: [SPC_SCHEMA],
		documentationUri: `${base.replace(/\/scim\/v2$/, '')}/admin/provisioning`,
		patch: { supported: true },
		bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
		filter: { supported: true, maxResults: MAX_RESULTS },
		changePassword: { supported: false },
		sort: { supported: false },
		etag: { supported: false },
		authenticationSchemes: [
			{
				type: 'oauthbearertoken',
				name: 'Bearer token',
				description: 'A token an IdeaCup administrator creates at /admin/provisioning, sent as "Authorization: Bearer <token>".',
				primary: true
			}
		],
		meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` }
	};
}

/** A list answer (RFC 7644 section 3.4.2). */
export function listResponse<T>(resources: T[], totalResults: number, startIndex: number) {
	return { schemas: [LIST_SCHEMA], totalResults, startIndex, itemsPerPage: resources.length, Resources: resources };
}
