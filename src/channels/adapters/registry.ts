import { telegram } from './telegram.js';
import type { ChannelEntry } from './types.js';
import { zaloBot } from './zaloBot.js';
import { zaloOa } from './zaloOa.js';

/** Every chat channel the server knows; each is on when its configuration is set. A new channel: its adapter file and one line here. */
export const CHANNELS: readonly ChannelEntry[] = [telegram, zaloBot, zaloOa];
