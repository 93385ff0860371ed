import { requireText } from '../shared/text';

/** The host application's object a contextual channel is about (an order, a ticket …). */
export interface ChannelContext {
  host_application_id: string;
  context_object_type: string;
  context_object_id: string;
}

const MAX = 256;

/** Each field trimmed, 1-256 characters; all three are required. */
export function channelContextOf(raw: {
  host_application_id?: string | null;
  context_object_type?: string | null;
  context_object_id?: string | null;
}): ChannelContext {
  return {
    host_application_id: requireText(raw.host_application_id, { field: 'host_application_id', max: MAX }),
    context_object_type: requireText(raw.context_object_type, { field: 'context_object_type', max: MAX }),
    context_object_id: requireText(raw.context_object_id, { field: 'context_object_id', max: MAX }),
  };
}
