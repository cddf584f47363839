package org.fengqiao.custody;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One element of the body of {@code POST /api/property-cases/{id}/items}.
 * <ul>
 *   <li>{@code source} (来源: from whom or where it was taken) is required (C21);</li>
 *   <li>{@code seizedAt} (optional, not in the future; default: the registration) starts the 24-hour
 *       clock of the hand-over and of the registration of non-held property (C1, C2);</li>
 *   <li>{@code owner} (optional): the owner on record, against whom a return is checked (C15);</li>
 *   <li>{@code sealedBy} (≥ 2 distinct officers of the case) and {@code photoHashes} (SHA-256 hex, ≥ 1)
 *       are required for {@code VALUABLE} and {@code CASH} (C19).</li>
 * </ul>
 */
public record NewPropertyItem(String name, PropertyCategory category, BigDecimal quantity, String unit,
                              Measure measure, BigDecimal valuation, Boolean evidenceUse, String description,
                              String source, OffsetDateTime seizedAt, Owner owner, List<String> sealedBy,
                              List<String> photoHashes) {

    /** The owner of an item as recorded at registration (C15). */
    public record Owner(String name, String idNumber) {
    }

    /** The fields of issue 4 only (no source, sealing or owner): for callers that add them afterwards. */
    public NewPropertyItem(String name, PropertyCategory category, BigDecimal quantity, String unit, Measure measure,
                           BigDecimal valuation, Boolean evidenceUse, String description, String source) {
        this(name, category, quantity, unit, measure, valuation, evidenceUse, description, source, null, null, null,
                null);
    }
}
