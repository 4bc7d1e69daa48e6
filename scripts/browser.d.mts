import type { Browser, Page } from "playwright-core";
export const CHROMIUM: string;
export function chromiumAvailable(): boolean;
export function launchChromium(): Promise<Browser>;
export function previewReadyTime(page: Page, url: string): Promise<number>;
