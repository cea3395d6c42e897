package org.hotline12345.notification;

/**
 * Where a unit alert leaves the platform: the city's SMS gateway, the unit's terminal. A deployment provides its
 * bean; the default only logs (without personal data). An exception means "not delivered": the alert's row is rolled
 * back and the event is sent again by the resubmission of incomplete publications.
 * <p>
 * The same alert can reach the gateway twice only if the gateway delivered and then the transaction failed to commit;
 * {@link UnitAlert#key()} is the idempotency key to pass on to the gateway for that case.
 */
public interface NotificationGateway {

	void deliver(UnitAlert alert);

}
