export { lastRecognised, type RecognitionEntry } from "./last-recognised";
export { latestSentiment, type SentimentEntry } from "./latest-sentiment";
export { type ConcernEntry, openConcerns } from "./open-concerns";
export { QUICK_WIN_HORIZON_DAYS, quickWin } from "./quick-win";
