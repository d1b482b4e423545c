export declare const MAIL_SINK: {
	available: boolean;
	smtpPort: number;
	httpPort: number;
	smtpUrl: string;
	url: string;
	dir: string;
};
