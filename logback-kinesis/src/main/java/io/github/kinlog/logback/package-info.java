/** Logback adapter: maps Logback events and configuration onto the Kinlog core. */
package io.github.kinlog.logback;
