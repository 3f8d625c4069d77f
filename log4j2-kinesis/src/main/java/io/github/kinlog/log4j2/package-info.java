/** Log4j2 adapter: maps Log4j2 events and configuration onto the Kinlog core. */
package io.github.kinlog.log4j2;
