/** Chat notices: what happened to an escalation, as Slack and Teams webhook payloads. */
export { EVENT_WORDS, noticeFacts, type ChatEvent, type ChatNotice } from './notice'
export { slackMessage, SLACK_LIMITS, type SlackBlock, type SlackPayload } from './slack-message'
export { teamsMessage, TEAMS_BUDGET_BYTES, TEAMS_MAX_BYTES, type AdaptiveCard, type TeamsPayload } from './teams-message'
