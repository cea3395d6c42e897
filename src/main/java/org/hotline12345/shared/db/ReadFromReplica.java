package org.hotline12345.shared.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Transactional;

/**
 * A read-only transaction that may be served by the read replica ({@code hotline.datasource.replica.url}), seconds
 * behind the primary. Only for reports that tolerate that: the supervision dashboard, the weekly report, the
 * assessment, hotspots and the tickets behind their figures. Never for a screen shown right after its user's own
 * write (a queue, the ticket page, a list of orders): those keep {@code @Transactional(readOnly = true)}, which stays
 * on the primary. Without a replica configured this is just {@code @Transactional(readOnly = true)}.
 * <p>
 * Decision 0009 says why read-only alone does not route to the replica.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true)
public @interface ReadFromReplica {

}
