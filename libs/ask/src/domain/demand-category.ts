/**
 * The category of a demand left at the after-hours desk when the asker names none: 其他求助 (other
 * requests for help). The next working day's agent classifies it properly when they read it; guessing
 * from the answers that did not help would file it under the subject that failed.
 */
export const DESK_DEMAND_CATEGORY = '190102';
