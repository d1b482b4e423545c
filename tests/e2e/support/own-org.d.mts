export declare const ORG_APP: { port: number; origin: string; logFile: string };
export declare const IDP: {
	port: number;
	issuer: string;
	clientId: string;
	clientSecret: string;
	accountsFile: string;
	redirectUris: string[];
};
