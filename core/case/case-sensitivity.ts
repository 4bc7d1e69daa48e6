import { businessCase } from "./business-case";
import { driverInputs, SENSITIVITY_DRIVERS, type SensitivityDriver } from "./driver-inputs";
import type { BusinessCaseInputs } from "./inputs";

/** The sensitivity table's default swing: each driver lowered and raised by 20%. */
export const SENSITIVITY_SWING = 0.2;

/** One driver's row of the sensitivity table. */
export interface DriverSensitivity {
  readonly driver: SensitivityDriver;
  /** ROI with the driver lowered by the swing. */
  readonly lowRoi: number;
  /** ROI with the driver raised by the swing. */
  readonly highRoi: number;
  /** |highRoi − lowRoi|: how far the driver moves ROI. */
  readonly swing: number;
}

/**
 * A one-at-a-time sensitivity of ROI (a tornado): each driver lowered and raised by `swing`
 * (0.2: ±20%) with every other input as entered, sorted by how far it moves ROI, largest first
 * (ties in SENSITIVITY_DRIVERS' order).
 *
 * Source: one-way sensitivity analysis shown as a tornado diagram, as appraisal guidance asks
 * (HM Treasury, "The Green Book" (2022), sensitivity analysis: how the appraisal responds to
 * changes in its key variables).
 *
 * @param inputs a valid business case
 * @param swing the share each driver moves by, 0 to less than 1
 * @throws FormulaError `#VALUE!` when the inputs, or the inputs with a driver moved, are not a valid case
 * @example caseSensitivity(SAMPLE_BUSINESS_CASE)[0].driver // "improvement"
 */
export function caseSensitivity(inputs: BusinessCaseInputs, swing = SENSITIVITY_SWING): DriverSensitivity[] {
  const rows = SENSITIVITY_DRIVERS.map((driver) => {
    const lowRoi = businessCase(driverInputs(inputs, driver, 1 - swing)).roi;
    const highRoi = businessCase(driverInputs(inputs, driver, 1 + swing)).roi;
    return { driver, lowRoi, highRoi, swing: Math.abs(highRoi - lowRoi) };
  });
  // Ranked on 12 significant digits, so drivers whose swings are equal but for rounding (the
  // improvement and the value per unit scale the benefit alike) tie, and the stable sort keeps
  // them in the drivers' order.
  const rank = (row: DriverSensitivity) => Number(row.swing.toPrecision(12));
  return rows.sort((a, b) => rank(b) - rank(a));
}
