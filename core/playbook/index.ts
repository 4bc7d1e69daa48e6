export { QUICK_WIN_HORIZON_DAYS, quickWin } from "./quick-win";
