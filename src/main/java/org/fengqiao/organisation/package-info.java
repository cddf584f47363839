/**
 * Organisations: the centre tree (city → county → town → village), mediation organisations and the
 * agencies of the custody side, users' memberships and the demo identities. Other modules ask
 * {@link org.fengqiao.organisation.OrganisationDirectory} which organisations a caller may see.
 */
package org.fengqiao.organisation;
