import { defaultDecoders } from '../lambda/detector/defaultDecoders';
import { listInputs } from '../lambda/detector/listInputs';
import { openFile } from '../lambda/detector/openFile';
import { scanObject } from '../lambda/detector/scanObject';
import { advance } from '../lambda/engine/advance';
import type { DetectEngine } from './detect/DetectEngine';

/** The project's detector and matcher, as the commands use them. */
export const realEngine: DetectEngine = {
  decoders: defaultDecoders,
  listInputs,
  openFile,
  scanObject,
  advance,
};
