/**
 * Statistics (domain §9): the mediation report and the custody report, computed by SQL aggregate
 * queries over the dispute and custody tables (never by loading rows) and scoped to the caller's
 * organisations. The definitions and denominators are documented in docs/reporting.md and in the
 * OpenAPI description of {@code /api/reports/*}.
 */
package org.fengqiao.reporting;
