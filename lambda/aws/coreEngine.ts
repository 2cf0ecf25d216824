import { buildAlert } from '../alerts/buildAlert';
import { scanObject } from '../detector/scanObject';
import { advance } from '../engine/advance';
import type { DetectionEngine } from './DetectionEngine';

/** The project's detector, matcher and alert builder, as the Lambda runs them. */
export const coreEngine: DetectionEngine = { scanObject, advance, buildAlert };
