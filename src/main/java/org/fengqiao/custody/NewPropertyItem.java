package org.fengqiao.custody;

import java.math.BigDecimal;

/** One element of the body of {@code POST /api/property-cases/{id}/items}. */
public record NewPropertyItem(String name, PropertyCategory category, BigDecimal quantity, String unit,
                              Measure measure, BigDecimal valuation, Boolean evidenceUse, String description) {
}
