/**
 * Small cross-cutting pieces every module uses: domain exceptions that the web layer turns into
 * RFC 9457 problems, the clock, the caller's identity, idempotency and security wiring. Nothing
 * domain-specific lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.fengqiao.shared;
