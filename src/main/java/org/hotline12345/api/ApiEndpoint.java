package org.hotline12345.api;

/**
 * Marks the controllers of {@code /api/**}, so that {@link ApiExceptionHandler} answers their errors as
 * problem+json and leaves the screens' error pages alone.
 */
interface ApiEndpoint {

}
