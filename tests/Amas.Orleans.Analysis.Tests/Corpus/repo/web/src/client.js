// API client of the web front end.
const SLACK_BOT = '{{plant:slack-token}}';
const MAPS_KEY = '{{plant:google-api-key}}';
export const session = 'Bearer {{plant:jwt}}';
export const channels = { slack: SLACK_BOT, maps: MAPS_KEY };
