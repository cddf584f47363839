/**
 * Working-day calendar: statutory holidays and 调休 make-up working days per year, and the deadline
 * arithmetic of domain §0 (start day not counted; a calendar-day deadline falling on a rest day
 * moves to the next working day). Every deadline the product sets comes from here.
 */
package org.fengqiao.calendar;
