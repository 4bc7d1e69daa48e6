export { cadence, DEFAULT_CADENCE } from "./cadence";
export { CHAMPION_THRESHOLD, championScore } from "./champion";
export { ENGAGEMENT_LEVELS, type EngagementLevel, engagementNumber } from "./engagement";
export { engagementGap } from "./engagement-gap";
export { isChampion } from "./is-champion";
export { priority } from "./priority";
export { QUADRANTS, type Quadrant, quadrant } from "./quadrant";
export { SALIENCE_CLASSES, type SalienceClass, salience } from "./salience";
export type { ScaleOptions } from "./scale";
