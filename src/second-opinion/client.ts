// The one file that imports @anthropic-ai/sdk: a client with only the Messages API
// (BaseAnthropic plus Messages, so the Worker bundle carries none of the rest), one retry
// with backoff honouring retry-after (the SDK's own), and its logging off, so nothing of
// a draft can reach a log. The Worker passes the key and base URL from its bindings;
// the CLI leaves them to the SDK's standard environment variables (ANTHROPIC_API_KEY,
// ANTHROPIC_BASE_URL). Tests point baseURL at a local stand-in for the Messages API.

import { BaseAnthropic } from '@anthropic-ai/sdk/client';
import { Messages, type Message, type MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';

class MessagesClient extends BaseAnthropic {
  messages: Messages = new Messages(this);
}

export interface OpinionClient {
  create(params: MessageCreateParamsNonStreaming, signal: AbortSignal): Promise<Message>;
}

export function opinionClient(o: { apiKey?: string | undefined; baseURL?: string | undefined }): OpinionClient {
  const client = new MessagesClient({
    ...(o.apiKey ? { apiKey: o.apiKey } : {}),
    ...(o.baseURL ? { baseURL: o.baseURL } : {}),
    maxRetries: 1,
    logLevel: 'off',
  });
  return { create: (params, signal) => client.messages.create(params, { signal }) };
}

export type { Message, MessageCreateParamsNonStreaming };
