/**
 * Technical building blocks every module may use: the clock, the phone number value type, the embedded
 * database for zero set-up runs and web helpers. No business rules live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.hotline12345.shared;
